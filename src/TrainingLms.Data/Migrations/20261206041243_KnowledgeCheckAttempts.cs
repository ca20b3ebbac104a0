using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingLms.Data.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeCheckAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QuizAttempts_CourseId",
                table: "QuizAttempts");

            migrationBuilder.RenameColumn(
                name: "AttemptedAtUtc",
                table: "QuizAttempts",
                newName: "StartedAtUtc");

            migrationBuilder.AddColumn<DateTime>(
                name: "FinishedAtUtc",
                table: "QuizAttempts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LessonRevisionId",
                table: "QuizAttempts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Shown",
                table: "QuizAttempts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // Every attempt stored so far was handed in the moment it was made.
            migrationBuilder.Sql("UPDATE \"QuizAttempts\" SET \"FinishedAtUtc\" = \"StartedAtUtc\";");

            migrationBuilder.CreateTable(
                name: "QuizAttemptGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    LessonKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    CourseVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantedById = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizAttemptGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuizAttemptGrants_AspNetUsers_GrantedById",
                        column: x => x.GrantedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuizAttemptGrants_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuizAttemptGrants_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_CourseId_LessonKey_CourseVersion",
                table: "QuizAttempts",
                columns: new[] { "CourseId", "LessonKey", "CourseVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_LessonRevisionId",
                table: "QuizAttempts",
                column: "LessonRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_Open",
                table: "QuizAttempts",
                columns: new[] { "PersonId", "CourseId", "LessonKey", "CourseVersion" },
                unique: true,
                filter: "\"FinishedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttemptGrants_CourseId",
                table: "QuizAttemptGrants",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttemptGrants_GrantedById",
                table: "QuizAttemptGrants",
                column: "GrantedById");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttemptGrants_PersonId_CourseId_LessonKey_CourseVersion",
                table: "QuizAttemptGrants",
                columns: new[] { "PersonId", "CourseId", "LessonKey", "CourseVersion" });

            migrationBuilder.AddForeignKey(
                name: "FK_QuizAttempts_LessonRevisions_LessonRevisionId",
                table: "QuizAttempts",
                column: "LessonRevisionId",
                principalTable: "LessonRevisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_QuizAttempts_LessonRevisions_LessonRevisionId",
                table: "QuizAttempts");

            migrationBuilder.DropTable(
                name: "QuizAttemptGrants");

            migrationBuilder.DropIndex(
                name: "IX_QuizAttempts_CourseId_LessonKey_CourseVersion",
                table: "QuizAttempts");

            migrationBuilder.DropIndex(
                name: "IX_QuizAttempts_LessonRevisionId",
                table: "QuizAttempts");

            migrationBuilder.DropIndex(
                name: "IX_QuizAttempts_Open",
                table: "QuizAttempts");

            migrationBuilder.DropColumn(
                name: "FinishedAtUtc",
                table: "QuizAttempts");

            migrationBuilder.DropColumn(
                name: "LessonRevisionId",
                table: "QuizAttempts");

            migrationBuilder.DropColumn(
                name: "Shown",
                table: "QuizAttempts");

            migrationBuilder.RenameColumn(
                name: "StartedAtUtc",
                table: "QuizAttempts",
                newName: "AttemptedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_CourseId",
                table: "QuizAttempts",
                column: "CourseId");
        }
    }
}
