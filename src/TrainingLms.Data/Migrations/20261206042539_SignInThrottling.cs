using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignInThrottling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignInThrottles",
                columns: table => new
                {
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Failures = table.Column<double>(type: "REAL", nullable: false),
                    CountedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BlockedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInThrottles", x => new { x.Address, x.Identifier });
                });

            migrationBuilder.CreateTable(
                name: "SignInUnlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    UnlockedById = table.Column<string>(type: "TEXT", nullable: true),
                    UnlockedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClearedCounters = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInUnlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignInUnlocks_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SignInUnlocks_AspNetUsers_UnlockedById",
                        column: x => x.UnlockedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignInThrottles_CountedAtUtc",
                table: "SignInThrottles",
                column: "CountedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SignInThrottles_Identifier",
                table: "SignInThrottles",
                column: "Identifier");

            migrationBuilder.CreateIndex(
                name: "IX_SignInUnlocks_PersonId_UnlockedAtUtc",
                table: "SignInUnlocks",
                columns: new[] { "PersonId", "UnlockedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInUnlocks_UnlockedById",
                table: "SignInUnlocks",
                column: "UnlockedById");

            // Identity's per-account lockout is no longer used (anyone could trigger it): lift the ones still running.
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"LockoutEnd\" = NULL, \"AccessFailedCount\" = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInThrottles");

            migrationBuilder.DropTable(
                name: "SignInUnlocks");
        }
    }
}
