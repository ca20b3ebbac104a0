using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class DrillAttemptsBySession : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DrillAttempts_SessionId",
                table: "DrillAttempts",
                column: "SessionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DrillAttempts_SessionId",
                table: "DrillAttempts");
        }
    }
}
