using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeopleImportStaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Succeeded",
                table: "ImportBatches",
                newName: "Status");

            // A batch that went through is complete; one that did not was refused.
            migrationBuilder.Sql("UPDATE \"ImportBatches\" SET \"Status\" = CASE \"Status\" WHEN 1 THEN 4 ELSE 1 END;");

            migrationBuilder.AddColumn<string>(
                name: "NewSiteIds",
                table: "ImportBatches",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "NewTeamIds",
                table: "ImportBatches",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "StagedImportId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportStagedChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", nullable: true),
                    HireDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    PositionId = table.Column<int>(type: "INTEGER", nullable: true),
                    AddedRoleIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportStagedChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportStagedChanges_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImportStagedChanges_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_Status",
                table: "ImportBatches",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_StagedImportId",
                table: "AspNetUsers",
                column: "StagedImportId",
                filter: "\"StagedImportId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ImportStagedChanges_BatchId",
                table: "ImportStagedChanges",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportStagedChanges_PersonId",
                table: "ImportStagedChanges",
                column: "PersonId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_ImportBatches_StagedImportId",
                table: "AspNetUsers",
                column: "StagedImportId",
                principalTable: "ImportBatches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_ImportBatches_StagedImportId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ImportStagedChanges");

            migrationBuilder.DropIndex(
                name: "IX_ImportBatches_Status",
                table: "ImportBatches");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_StagedImportId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NewSiteIds",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "NewTeamIds",
                table: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "StagedImportId",
                table: "AspNetUsers");

            migrationBuilder.Sql("UPDATE \"ImportBatches\" SET \"Status\" = CASE WHEN \"Status\" IN (3, 4) THEN 1 ELSE 0 END;");

            migrationBuilder.RenameColumn(
                name: "Status",
                table: "ImportBatches",
                newName: "Succeeded");
        }
    }
}
