using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TrainingLms.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class ContractorCompaniesPostgreSQL : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BecomesOwnStaff",
                table: "ImportStagedChanges",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ContractorCompanyId",
                table: "ImportStagedChanges",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<List<int>>(
                name: "NewContractorIds",
                table: "ImportBatches",
                type: "integer[]",
                nullable: false);

            migrationBuilder.AddColumn<int>(
                name: "ContractorCompanyId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContractorCompanies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 100, nullable: false, collation: "C"),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
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
