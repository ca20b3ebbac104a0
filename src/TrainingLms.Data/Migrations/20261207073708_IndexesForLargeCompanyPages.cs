using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndexesForLargeCompanyPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DrillAttempts_SessionId",
                table: "DrillAttempts",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseAssignments_DueOn",
                table: "CourseAssignments",
                column: "DueOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DrillAttempts_SessionId",
                table: "DrillAttempts");

            migrationBuilder.DropIndex(
                name: "IX_CourseAssignments_DueOn",
                table: "CourseAssignments");
        }
    }
}
