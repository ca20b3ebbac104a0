using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddClips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Clips",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OriginalExtension = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OriginalBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    DisplayWidth = table.Column<int>(type: "INTEGER", nullable: false),
                    DisplayHeight = table.Column<int>(type: "INTEGER", nullable: false),
                    Renditions = table.Column<string>(type: "TEXT", nullable: false),
                    HasPoster = table.Column<bool>(type: "INTEGER", nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clips_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Clips_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ClipUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TotalBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClipUploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClipUploads_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClipFeaturedPeople",
                columns: table => new
                {
                    ClipId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClipFeaturedPeople", x => new { x.ClipId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_ClipFeaturedPeople_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClipFeaturedPeople_Clips_ClipId",
                        column: x => x.ClipId,
                        principalTable: "Clips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClipMoments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClipId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtSeconds = table.Column<double>(type: "REAL", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Point = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClipMoments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClipMoments_Clips_ClipId",
                        column: x => x.ClipId,
                        principalTable: "Clips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClipViews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    ClipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Watched = table.Column<string>(type: "TEXT", nullable: false),
                    WatchedSeconds = table.Column<double>(type: "REAL", nullable: false),
                    LastPositionSeconds = table.Column<double>(type: "REAL", nullable: false),
                    CreditSeconds = table.Column<double>(type: "REAL", nullable: false),
                    FirstReportAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastReportAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ReachedRequiredShareAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClipViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClipViews_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClipViews_Clips_ClipId",
                        column: x => x.ClipId,
                        principalTable: "Clips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TranscodeJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NotBeforeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranscodeJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TranscodeJobs_Clips_ClipId",
                        column: x => x.ClipId,
                        principalTable: "Clips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClipFeaturedPeople_PersonId",
                table: "ClipFeaturedPeople",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ClipMoments_ClipId_AtSeconds",
                table: "ClipMoments",
                columns: new[] { "ClipId", "AtSeconds" });

            migrationBuilder.CreateIndex(
                name: "IX_Clips_Kind_Status",
                table: "Clips",
                columns: new[] { "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Clips_SiteId",
                table: "Clips",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Clips_Slug",
                table: "Clips",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clips_UploadedById",
                table: "Clips",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_ClipUploads_PersonId",
                table: "ClipUploads",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ClipUploads_UpdatedAtUtc",
                table: "ClipUploads",
                column: "UpdatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ClipViews_ClipId",
                table: "ClipViews",
                column: "ClipId");

            migrationBuilder.CreateIndex(
                name: "IX_ClipViews_PersonId_ClipId",
                table: "ClipViews",
                columns: new[] { "PersonId", "ClipId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TranscodeJobs_ClipId",
                table: "TranscodeJobs",
                column: "ClipId");

            migrationBuilder.CreateIndex(
                name: "IX_TranscodeJobs_Status_NotBeforeUtc",
                table: "TranscodeJobs",
                columns: new[] { "Status", "NotBeforeUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClipFeaturedPeople");

            migrationBuilder.DropTable(
                name: "ClipMoments");

            migrationBuilder.DropTable(
                name: "ClipUploads");

            migrationBuilder.DropTable(
                name: "ClipViews");

            migrationBuilder.DropTable(
                name: "TranscodeJobs");

            migrationBuilder.DropTable(
                name: "Clips");
        }
    }
}
