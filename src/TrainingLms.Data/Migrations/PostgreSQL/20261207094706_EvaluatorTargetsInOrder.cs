using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class EvaluatorTargetsInOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EvaluatorAssignments_EvaluatorId",
                table: "EvaluatorAssignments");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluatorAssignments_EvaluatorId_TargetId",
                table: "EvaluatorAssignments",
                columns: new[] { "EvaluatorId", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTargets_PeriodId_Id",
                table: "EvaluationTargets",
                columns: new[] { "PeriodId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EvaluatorAssignments_EvaluatorId_TargetId",
                table: "EvaluatorAssignments");

            migrationBuilder.DropIndex(
                name: "IX_EvaluationTargets_PeriodId_Id",
                table: "EvaluationTargets");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluatorAssignments_EvaluatorId",
                table: "EvaluatorAssignments",
                column: "EvaluatorId");
        }
    }
}
