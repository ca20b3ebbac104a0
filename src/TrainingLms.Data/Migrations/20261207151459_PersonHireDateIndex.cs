using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonHireDateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_HireDate",
                table: "AspNetUsers",
                column: "HireDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_HireDate",
                table: "AspNetUsers");
        }
    }
}
