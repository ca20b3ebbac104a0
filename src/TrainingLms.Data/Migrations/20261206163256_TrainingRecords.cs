using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrainingRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrainingRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ShiftKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: true),
                    LessonKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ClipId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingRecords_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingRecords_Clips_ClipId",
                        column: x => x.ClipId,
                        principalTable: "Clips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TrainingRecords_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingRecords_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendees",
                columns: table => new
                {
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    TrainedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendees", x => new { x.RecordId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_TrainingAttendees_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainingAttendees_TrainingRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "TrainingRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingRecordSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ById = table.Column<string>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRecordSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingRecordSteps_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingRecordSteps_TrainingRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "TrainingRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendees_PersonId_TrainedOn",
                table: "TrainingAttendees",
                columns: new[] { "PersonId", "TrainedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecords_ClipId",
                table: "TrainingRecords",
                column: "ClipId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecords_CourseId",
                table: "TrainingRecords",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecords_RecordedById",
                table: "TrainingRecords",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecords_Status_TrainedOn",
                table: "TrainingRecords",
                columns: new[] { "Status", "TrainedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecords_SubmissionKey",
                table: "TrainingRecords",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecords_TeamId_TrainedOn",
                table: "TrainingRecords",
                columns: new[] { "TeamId", "TrainedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecordSteps_ById",
                table: "TrainingRecordSteps",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecordSteps_RecordId",
                table: "TrainingRecordSteps",
                column: "RecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrainingAttendees");

            migrationBuilder.DropTable(
                name: "TrainingRecordSteps");

            migrationBuilder.DropTable(
                name: "TrainingRecords");
        }
    }
}
