using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class InspectionOversightIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inspections_TeamId",
                table: "Inspections");

            migrationBuilder.AddColumn<string>(
                name: "Verdicts",
                table: "Inspections",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // The inspections filed before: their verdicts from their results, as Inspection.Verdicts derives them ("1meet 2smile").
            migrationBuilder.Sql("""
                UPDATE "Inspections" SET "Verdicts" = COALESCE((SELECT group_concat(json_extract(r.value, '$.Verdict') || json_extract(r.value, '$.Key'), ' ') FROM json_each("Inspections"."Results") AS r), '');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_TeamId_InspectedAtUtc",
                table: "Inspections",
                columns: new[] { "TeamId", "InspectedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inspections_TeamId_InspectedAtUtc",
                table: "Inspections");

            migrationBuilder.DropColumn(
                name: "Verdicts",
                table: "Inspections");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_TeamId",
                table: "Inspections",
                column: "TeamId");
        }
    }
}
