using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecognitionSubmissionsOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BenchmarkRatings_RaterId",
                table: "BenchmarkRatings");

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionKey",
                table: "SmileStories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmileStories_SubmissionKey",
                table: "SmileStories",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkRatings_RaterId_PersonId_Year_Quarter",
                table: "BenchmarkRatings",
                columns: new[] { "RaterId", "PersonId", "Year", "Quarter" },
                unique: true,
                filter: "\"RaterId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SmileStories_SubmissionKey",
                table: "SmileStories");

            migrationBuilder.DropIndex(
                name: "IX_BenchmarkRatings_RaterId_PersonId_Year_Quarter",
                table: "BenchmarkRatings");

            migrationBuilder.DropColumn(
                name: "SubmissionKey",
                table: "SmileStories");

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkRatings_RaterId",
                table: "BenchmarkRatings",
                column: "RaterId");
        }
    }
}
