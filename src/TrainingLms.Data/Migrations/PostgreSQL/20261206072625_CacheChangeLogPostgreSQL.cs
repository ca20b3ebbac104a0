using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TrainingLms.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class CacheChangeLogPostgreSQL : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CacheChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C"),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CacheChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CacheChanges_CreatedAtUtc",
                table: "CacheChanges",
                column: "CreatedAtUtc");

            // The writing transaction's id, which the model does not map: CacheChangeLog reads the rows of transactions
            // that may have committed since it last looked, and the oldest transaction still running tells it where to
            // look from next time (a row's Id is taken when it is inserted, not in the order of the commits).
            migrationBuilder.Sql("""
                ALTER TABLE "CacheChanges" ADD "TxId" xid8 NOT NULL DEFAULT pg_current_xact_id();
                CREATE INDEX "IX_CacheChanges_TxId" ON "CacheChanges" ("TxId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CacheChanges");
        }
    }
}
