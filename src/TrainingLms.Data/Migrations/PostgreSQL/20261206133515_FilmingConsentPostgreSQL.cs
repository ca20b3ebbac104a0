using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class FilmingConsentPostgreSQL : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnsweredAtUtc",
                table: "ClipFeaturedPeople",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Consent",
                table: "ClipFeaturedPeople",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "NotifiedAtUtc",
                table: "ClipFeaturedPeople",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));

            // People named before notices existed are told now; none of them has answered, so nobody else sees those clips until they do.
            migrationBuilder.Sql("""
                UPDATE "ClipFeaturedPeople" SET "NotifiedAtUtc" = now()
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnsweredAtUtc",
                table: "ClipFeaturedPeople");

            migrationBuilder.DropColumn(
                name: "Consent",
                table: "ClipFeaturedPeople");

            migrationBuilder.DropColumn(
                name: "NotifiedAtUtc",
                table: "ClipFeaturedPeople");
        }
    }
}
