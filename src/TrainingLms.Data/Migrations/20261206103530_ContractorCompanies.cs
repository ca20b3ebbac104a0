using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractorCompanies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BecomesOwnStaff",
                table: "ImportStagedChanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ContractorCompanyId",
                table: "ImportStagedChanges",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NewContractorIds",
                table: "ImportBatches",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "ContractorCompanyId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContractorCompanies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false, collation: "NOCASE"),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractorCompanies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ContractorCompanyId",
                table: "AspNetUsers",
                column: "ContractorCompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractorCompanies_Name",
                table: "ContractorCompanies",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_ContractorCompanies_ContractorCompanyId",
                table: "AspNetUsers",
                column: "ContractorCompanyId",
                principalTable: "ContractorCompanies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_ContractorCompanies_ContractorCompanyId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ContractorCompanies");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_ContractorCompanyId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "BecomesOwnStaff",
                table: "ImportStagedChanges");

            migrationBuilder.DropColumn(
                name: "ContractorCompanyId",
                table: "ImportStagedChanges");

            migrationBuilder.DropColumn(
                name: "NewContractorIds",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "ContractorCompanyId",
                table: "AspNetUsers");
        }
    }
}
