using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations.PostgreSQL
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
                type: "text",
                nullable: false,
                defaultValue: "",
                collation: "C");

            // The inspections filed before: their verdicts from their results, as Inspection.Verdicts derives them ("1meet 2smile").
            migrationBuilder.Sql("""
                UPDATE "Inspections" SET "Verdicts" = COALESCE((SELECT string_agg((r.e ->> 'Verdict') || (r.e ->> 'Key'), ' ' ORDER BY r.n) FROM jsonb_array_elements("Inspections"."Results"::jsonb) WITH ORDINALITY AS r(e, n)), '');
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
