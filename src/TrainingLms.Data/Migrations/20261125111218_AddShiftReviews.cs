using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddShiftReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Shifts",
                table: "Teams",
                type: "TEXT",
                nullable: false,
                // Existing teams have no concentrated shift time: one review a day until an administrator sets shifts.
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "ShiftReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    ShiftDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ShiftKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiledById = table.Column<string>(type: "TEXT", nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FiledLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    RosterSize = table.Column<int>(type: "INTEGER", nullable: false),
                    AbsentPersonIds = table.Column<string>(type: "TEXT", nullable: false),
                    WentWell = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WentWellPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    FellShort = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FellShortPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowUps = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShiftReviews_AspNetUsers_FiledById",
                        column: x => x.FiledById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShiftReviews_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShiftReviewAmendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    AmendedById = table.Column<string>(type: "TEXT", nullable: false),
                    AmendedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftReviewAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShiftReviewAmendments_AspNetUsers_AmendedById",
                        column: x => x.AmendedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShiftReviewAmendments_ShiftReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ShiftReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShiftReviewNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    ShiftDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftReviewNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShiftReviewNotes_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ShiftReviewNotes_ShiftReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ShiftReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviewAmendments_AmendedById",
                table: "ShiftReviewAmendments",
                column: "AmendedById");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviewAmendments_ReviewId",
                table: "ShiftReviewAmendments",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviewNotes_PersonId_ShiftDate",
                table: "ShiftReviewNotes",
                columns: new[] { "PersonId", "ShiftDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviewNotes_ReviewId",
                table: "ShiftReviewNotes",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviews_FiledById",
                table: "ShiftReviews",
                column: "FiledById");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviews_ShiftDate",
                table: "ShiftReviews",
                column: "ShiftDate");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviews_SubmissionKey",
                table: "ShiftReviews",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviews_TeamId_ShiftDate_ShiftKey",
                table: "ShiftReviews",
                columns: new[] { "TeamId", "ShiftDate", "ShiftKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShiftReviewAmendments");

            migrationBuilder.DropTable(
                name: "ShiftReviewNotes");

            migrationBuilder.DropTable(
                name: "ShiftReviews");

            migrationBuilder.DropColumn(
                name: "Shifts",
                table: "Teams");
        }
    }
}
