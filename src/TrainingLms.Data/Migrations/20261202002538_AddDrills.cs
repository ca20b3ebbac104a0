using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddDrills : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EmployeeNumber = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidThrough = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    BasisKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClearanceRequirements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PositionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClearanceRequirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClearanceRequirements_Positions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "Positions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Drills",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SourceHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drills", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DrillRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DrillId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PassMark = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidityMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    RetakeWaitDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Briefing_En = table.Column<string>(type: "TEXT", nullable: false),
                    Briefing_Zh = table.Column<string>(type: "TEXT", nullable: false),
                    Summary_En = table.Column<string>(type: "TEXT", nullable: false),
                    Summary_Zh = table.Column<string>(type: "TEXT", nullable: false),
                    Title_En = table.Column<string>(type: "TEXT", nullable: false),
                    Title_Zh = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillRevisions_Drills_DrillId",
                        column: x => x.DrillId,
                        principalTable: "Drills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrillSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DrillId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillSessions_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillSessions_Drills_DrillId",
                        column: x => x.DrillId,
                        principalTable: "Drills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillSessions_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrillAttempts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateId = table.Column<string>(type: "TEXT", nullable: false),
                    DrillRevisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectsAttemptId = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PercentTenths = table.Column<int>(type: "INTEGER", nullable: true),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: true),
                    ValidThrough = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RetakeFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignedById = table.Column<string>(type: "TEXT", nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AnnulledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillAttempts_AspNetUsers_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillAttempts_AspNetUsers_SignedById",
                        column: x => x.SignedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillAttempts_DrillAttempts_CorrectsAttemptId",
                        column: x => x.CorrectsAttemptId,
                        principalTable: "DrillAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillAttempts_DrillRevisions_DrillRevisionId",
                        column: x => x.DrillRevisionId,
                        principalTable: "DrillRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillAttempts_DrillSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "DrillSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrillAnnulments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AttemptId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CountersignedById = table.Column<string>(type: "TEXT", nullable: true),
                    CountersignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillAnnulments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillAnnulments_AspNetUsers_CountersignedById",
                        column: x => x.CountersignedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillAnnulments_AspNetUsers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillAnnulments_DrillAttempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "DrillAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrillScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AttemptId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EvidenceClipSlug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    EvidenceAtSeconds = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillScores_DrillAttempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "DrillAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Code",
                table: "Certificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_PersonId_BasisKey",
                table: "Certificates",
                columns: new[] { "PersonId", "BasisKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClearanceRequirements_PositionId_Kind_Slug",
                table: "ClearanceRequirements",
                columns: new[] { "PositionId", "Kind", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrillAnnulments_AttemptId",
                table: "DrillAnnulments",
                column: "AttemptId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrillAnnulments_CountersignedById",
                table: "DrillAnnulments",
                column: "CountersignedById");

            migrationBuilder.CreateIndex(
                name: "IX_DrillAnnulments_RequestedById",
                table: "DrillAnnulments",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_DrillAttempts_CandidateId_SignedAtUtc",
                table: "DrillAttempts",
                columns: new[] { "CandidateId", "SignedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DrillAttempts_CorrectsAttemptId",
                table: "DrillAttempts",
                column: "CorrectsAttemptId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrillAttempts_DrillRevisionId",
                table: "DrillAttempts",
                column: "DrillRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillAttempts_SessionId_CandidateId",
                table: "DrillAttempts",
                columns: new[] { "SessionId", "CandidateId" },
                unique: true,
                filter: "\"CorrectsAttemptId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DrillAttempts_SignedById",
                table: "DrillAttempts",
                column: "SignedById");

            migrationBuilder.CreateIndex(
                name: "IX_DrillRevisions_DrillId_Number",
                table: "DrillRevisions",
                columns: new[] { "DrillId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Drills_Slug",
                table: "Drills",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrillScores_AttemptId_CriterionKey",
                table: "DrillScores",
                columns: new[] { "AttemptId", "CriterionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrillSessions_CreatedById",
                table: "DrillSessions",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_DrillSessions_DrillId",
                table: "DrillSessions",
                column: "DrillId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillSessions_HeldOn",
                table: "DrillSessions",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_DrillSessions_SiteId",
                table: "DrillSessions",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillSessions_SubmissionKey",
                table: "DrillSessions",
                column: "SubmissionKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "ClearanceRequirements");

            migrationBuilder.DropTable(
                name: "DrillAnnulments");

            migrationBuilder.DropTable(
                name: "DrillScores");

            migrationBuilder.DropTable(
                name: "DrillAttempts");

            migrationBuilder.DropTable(
                name: "DrillRevisions");

            migrationBuilder.DropTable(
                name: "DrillSessions");

            migrationBuilder.DropTable(
                name: "Drills");
        }
    }
}
