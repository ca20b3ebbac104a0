using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TrainingLms.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class InitialPostgreSQL : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:citext", ",,");

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedName = table.Column<string>(type: "text", maxLength: 256, nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Companies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", maxLength: 100, nullable: false, collation: "C"),
                    DefaultTimeZoneId = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Drills",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "text", maxLength: 80, nullable: false, collation: "C"),
                    SourceHash = table.Column<string>(type: "text", maxLength: 64, nullable: true, collation: "C"),
                    SourceFile = table.Column<string>(type: "text", maxLength: 200, nullable: true, collation: "C"),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drills", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "text", maxLength: 80, nullable: false, collation: "C"),
                    SourceHash = table.Column<string>(type: "text", maxLength: 64, nullable: true, collation: "C"),
                    SourceFile = table.Column<string>(type: "text", maxLength: 200, nullable: true, collation: "C"),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationForms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationPeriods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedById = table.Column<string>(type: "text", maxLength: 450, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationPeriods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Positions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 100, nullable: false, collation: "C"),
                    LineOfWork = table.Column<int>(type: "integer", nullable: false),
                    FacesCustomers = table.Column<bool>(type: "boolean", nullable: false),
                    HasConcentratedShift = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Positions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecordChainLinks",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RecordKey = table.Column<string>(type: "text", maxLength: 40, nullable: false, collation: "C"),
                    ContentHash = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C"),
                    PreviousMac = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C"),
                    Mac = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C"),
                    AppendedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordChainLinks", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "SignInThrottles",
                columns: table => new
                {
                    Address = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C"),
                    Identifier = table.Column<string>(type: "text", maxLength: 160, nullable: false, collation: "C"),
                    Failures = table.Column<double>(type: "double precision", nullable: false),
                    CountedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BlockedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInThrottles", x => new { x.Address, x.Identifier });
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "citext", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "citext", maxLength: 100, nullable: false, collation: "C"),
                    Address = table.Column<string>(type: "text", maxLength: 200, nullable: true, collation: "C"),
                    TimeZoneId = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C"),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DrillRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DrillId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C"),
                    PassMark = table.Column<int>(type: "integer", nullable: false),
                    ValidityMonths = table.Column<int>(type: "integer", nullable: false),
                    RetakeWaitDays = table.Column<int>(type: "integer", nullable: false),
                    Criteria = table.Column<string>(type: "text", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Briefing_En = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Briefing_Zh = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Summary_En = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Summary_Zh = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Title_En = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Title_Zh = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillRevisions_Drills_DrillId",
                        column: x => x.DrillId,
                        principalTable: "Drills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationFormRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C"),
                    Subject = table.Column<int>(type: "integer", nullable: false),
                    Criteria = table.Column<string>(type: "text", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Summary_En = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Summary_Zh = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Title_En = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Title_Zh = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationFormRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationFormRevisions_EvaluationForms_FormId",
                        column: x => x.FormId,
                        principalTable: "EvaluationForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClearanceRequirements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PositionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Slug = table.Column<string>(type: "text", maxLength: 80, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClearanceRequirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClearanceRequirements_Positions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "Positions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProviderKey = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    FullName = table.Column<string>(type: "text", maxLength: 50, nullable: false, collation: "C"),
                    SiteId = table.Column<int>(type: "integer", nullable: true),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    PositionId = table.Column<int>(type: "integer", nullable: true),
                    HireDate = table.Column<DateOnly>(type: "date", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    DeactivatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StagedImportId = table.Column<int>(type: "integer", nullable: true),
                    PreferredCulture = table.Column<string>(type: "text", maxLength: 10, nullable: true, collation: "C"),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "text", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedUserName = table.Column<string>(type: "text", maxLength: 256, nullable: true, collation: "C"),
                    Email = table.Column<string>(type: "text", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedEmail = table.Column<string>(type: "text", maxLength: 256, nullable: true, collation: "C"),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumber = table.Column<string>(type: "text", maxLength: 20, nullable: true, collation: "C"),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Positions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "Positions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Value = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "text", maxLength: 19, nullable: false, collation: "C"),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    FullName = table.Column<string>(type: "text", maxLength: 100, nullable: false, collation: "C"),
                    EmployeeNumber = table.Column<string>(type: "text", maxLength: 256, nullable: false, collation: "C"),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidThrough = table.Column<DateOnly>(type: "date", nullable: false),
                    TimeZoneId = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C"),
                    Items = table.Column<string>(type: "text", nullable: false),
                    BasisKey = table.Column<string>(type: "text", maxLength: 400, nullable: false, collation: "C"),
                    ContentHash = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C"),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedReason = table.Column<string>(type: "text", maxLength: 500, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Clips",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "text", maxLength: 80, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "text", maxLength: 120, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "text", maxLength: 2000, nullable: false, collation: "C"),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OriginalFileName = table.Column<string>(type: "text", maxLength: 200, nullable: false, collation: "C"),
                    OriginalExtension = table.Column<string>(type: "text", maxLength: 16, nullable: false, collation: "C"),
                    OriginalBytes = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    DurationSeconds = table.Column<double>(type: "double precision", nullable: false),
                    DisplayWidth = table.Column<int>(type: "integer", nullable: false),
                    DisplayHeight = table.Column<int>(type: "integer", nullable: false),
                    Renditions = table.Column<string>(type: "text", nullable: false),
                    HasPoster = table.Column<bool>(type: "boolean", nullable: false),
                    UploadedById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clips_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Clips_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ClipUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    FileName = table.Column<string>(type: "text", maxLength: 200, nullable: false, collation: "C"),
                    TotalBytes = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedBytes = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Details = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClipUploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClipUploads_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DrillSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DrillId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "text", maxLength: 500, nullable: false, collation: "C"),
                    CreatedById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillSessions_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillSessions_Drills_DrillId",
                        column: x => x.DrillId,
                        principalTable: "Drills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillSessions_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackCodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "text", maxLength: 32, nullable: false, collation: "C"),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PositionId = table.Column<int>(type: "integer", nullable: true),
                    Label = table.Column<string>(type: "text", maxLength: 200, nullable: false, collation: "C"),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackCodes_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackCodes_Positions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "Positions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackCodes_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileName = table.Column<string>(type: "text", maxLength: 260, nullable: false, collation: "C"),
                    Encoding = table.Column<string>(type: "text", maxLength: 20, nullable: false, collation: "C"),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedById = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RowCount = table.Column<int>(type: "integer", nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    ProblemCount = table.Column<int>(type: "integer", nullable: false),
                    NewSiteIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    NewTeamIds = table.Column<List<int>>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportBatches_AspNetUsers_ImportedById",
                        column: x => x.ImportedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RankingPublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodId = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Entries = table.Column<string>(type: "text", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    PublishedByName = table.Column<string>(type: "text", maxLength: 200, nullable: false, collation: "C"),
                    AmendsAppealId = table.Column<int>(type: "integer", nullable: true),
                    AmendmentNote = table.Column<string>(type: "text", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankingPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RankingPublications_AspNetUsers_PublishedById",
                        column: x => x.PublishedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RankingPublications_EvaluationPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "EvaluationPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceStarDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Reason = table.Column<string>(type: "text", maxLength: 1000, nullable: false, collation: "C"),
                    DecidedById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceStarDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceStarDecisions_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceStarDecisions_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceStarDecisions_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceStarNominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    NominatedById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Reason = table.Column<string>(type: "text", maxLength: 1000, nullable: false, collation: "C"),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceStarNominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceStarNominations_AspNetUsers_NominatedById",
                        column: x => x.NominatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceStarNominations_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceStarNominations_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SignInUnlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    UnlockedById = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UnlockedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClearedCounters = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "citext", maxLength: 100, nullable: false, collation: "C"),
                    LineOfWork = table.Column<int>(type: "integer", nullable: false),
                    ClassLeaderId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Shifts = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Teams_AspNetUsers_ClassLeaderId",
                        column: x => x.ClassLeaderId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Teams_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClipFeaturedPeople",
                columns: table => new
                {
                    ClipId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClipFeaturedPeople", x => new { x.ClipId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_ClipFeaturedPeople_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClipFeaturedPeople_Clips_ClipId",
                        column: x => x.ClipId,
                        principalTable: "Clips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClipMoments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClipId = table.Column<int>(type: "integer", nullable: false),
                    AtSeconds = table.Column<double>(type: "double precision", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Point = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "text", maxLength: 300, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClipMoments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClipMoments_Clips_ClipId",
                        column: x => x.ClipId,
                        principalTable: "Clips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClipViews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClipId = table.Column<int>(type: "integer", nullable: false),
                    Watched = table.Column<string>(type: "text", nullable: false),
                    WatchedSeconds = table.Column<double>(type: "double precision", nullable: false),
                    LastPositionSeconds = table.Column<double>(type: "double precision", nullable: false),
                    CreditSeconds = table.Column<double>(type: "double precision", nullable: false),
                    FirstReportAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastReportAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ReachedRequiredShareAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClipViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClipViews_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClipViews_Clips_ClipId",
                        column: x => x.ClipId,
                        principalTable: "Clips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SmileStories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "text", maxLength: 200, nullable: false, collation: "C"),
                    Body = table.Column<string>(type: "text", maxLength: 8000, nullable: false, collation: "C"),
                    ClipId = table.Column<int>(type: "integer", nullable: true),
                    AuthorId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SubmissionKey = table.Column<Guid>(type: "uuid", nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsWithdrawn = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmileStories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmileStories_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SmileStories_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SmileStories_Clips_ClipId",
                        column: x => x.ClipId,
                        principalTable: "Clips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SmileStories_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TranscodeJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClipId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    MaxAttempts = table.Column<int>(type: "integer", nullable: false),
                    ProgressPercent = table.Column<int>(type: "integer", nullable: false),
                    LeaseOwner = table.Column<string>(type: "text", maxLength: 64, nullable: true, collation: "C"),
                    LeaseExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NotBeforeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    Error = table.Column<string>(type: "text", maxLength: 4000, nullable: true, collation: "C"),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranscodeJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TranscodeJobs_Clips_ClipId",
                        column: x => x.ClipId,
                        principalTable: "Clips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DrillAttempts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    CandidateId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DrillRevisionId = table.Column<int>(type: "integer", nullable: false),
                    CorrectsAttemptId = table.Column<int>(type: "integer", nullable: true),
                    Comment = table.Column<string>(type: "text", maxLength: 1000, nullable: false, collation: "C"),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PercentTenths = table.Column<int>(type: "integer", nullable: true),
                    Passed = table.Column<bool>(type: "boolean", nullable: true),
                    ValidThrough = table.Column<DateOnly>(type: "date", nullable: true),
                    RetakeFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    SignedById = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ContentHash = table.Column<string>(type: "text", maxLength: 64, nullable: true, collation: "C"),
                    AnnulledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillAttempts_AspNetUsers_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillAttempts_AspNetUsers_SignedById",
                        column: x => x.SignedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillAttempts_DrillAttempts_CorrectsAttemptId",
                        column: x => x.CorrectsAttemptId,
                        principalTable: "DrillAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillAttempts_DrillRevisions_DrillRevisionId",
                        column: x => x.DrillRevisionId,
                        principalTable: "DrillRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillAttempts_DrillSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "DrillSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BenchmarkRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PositionId = table.Column<int>(type: "integer", nullable: true),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    RaterId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    FeedbackCodeId = table.Column<int>(type: "integer", nullable: true),
                    Smile = table.Column<int>(type: "integer", nullable: false),
                    Greeting = table.Column<int>(type: "integer", nullable: false),
                    Meet = table.Column<int>(type: "integer", nullable: true),
                    Rise = table.Column<int>(type: "integer", nullable: true),
                    Comment = table.Column<string>(type: "text", maxLength: 300, nullable: true, collation: "C"),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenchmarkRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BenchmarkRatings_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BenchmarkRatings_AspNetUsers_RaterId",
                        column: x => x.RaterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BenchmarkRatings_FeedbackCodes_FeedbackCodeId",
                        column: x => x.FeedbackCodeId,
                        principalTable: "FeedbackCodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BenchmarkRatings_Positions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "Positions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BenchmarkRatings_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportStagedChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    FullName = table.Column<string>(type: "text", maxLength: 50, nullable: false, collation: "C"),
                    PhoneNumber = table.Column<string>(type: "text", maxLength: 20, nullable: true, collation: "C"),
                    Email = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    NormalizedEmail = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    HireDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SiteId = table.Column<int>(type: "integer", nullable: true),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    PositionId = table.Column<int>(type: "integer", nullable: true),
                    AddedRoleIds = table.Column<List<string>>(type: "text[]", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "EvaluationTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodId = table.Column<int>(type: "integer", nullable: false),
                    FormRevisionId = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    SubjectName = table.Column<string>(type: "text", maxLength: 200, nullable: false, collation: "C"),
                    SiteName = table.Column<string>(type: "text", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationTargets_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationTargets_EvaluationFormRevisions_FormRevisionId",
                        column: x => x.FormRevisionId,
                        principalTable: "EvaluationFormRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationTargets_EvaluationPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "EvaluationPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationTargets_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationTargets_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShiftReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    ShiftDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ShiftKey = table.Column<string>(type: "text", maxLength: 20, nullable: false, collation: "C"),
                    SubmissionKey = table.Column<Guid>(type: "uuid", nullable: false),
                    FiledById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    FiledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FiledLate = table.Column<bool>(type: "boolean", nullable: false),
                    RosterSize = table.Column<int>(type: "integer", nullable: false),
                    AbsentPersonIds = table.Column<string>(type: "text", nullable: false),
                    WentWell = table.Column<string>(type: "text", maxLength: 2000, nullable: false, collation: "C"),
                    WentWellPoints = table.Column<int>(type: "integer", nullable: false),
                    FellShort = table.Column<string>(type: "text", maxLength: 2000, nullable: false, collation: "C"),
                    FellShortPoints = table.Column<int>(type: "integer", nullable: false),
                    FollowUps = table.Column<string>(type: "text", maxLength: 2000, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShiftReviews_AspNetUsers_FiledById",
                        column: x => x.FiledById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShiftReviews_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrillAnnulments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AttemptId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "text", maxLength: 500, nullable: false, collation: "C"),
                    RequestedById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CountersignedById = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CountersignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillAnnulments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillAnnulments_AspNetUsers_CountersignedById",
                        column: x => x.CountersignedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillAnnulments_AspNetUsers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillAnnulments_DrillAttempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "DrillAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrillScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AttemptId = table.Column<int>(type: "integer", nullable: false),
                    CriterionKey = table.Column<string>(type: "text", maxLength: 80, nullable: false, collation: "C"),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    Comment = table.Column<string>(type: "text", maxLength: 500, nullable: false, collation: "C"),
                    EvidenceClipSlug = table.Column<string>(type: "text", maxLength: 80, nullable: true, collation: "C"),
                    EvidenceAtSeconds = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillScores_DrillAttempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "DrillAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    EvaluatorId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    EvaluatorName = table.Column<string>(type: "text", maxLength: 200, nullable: false, collation: "C"),
                    Scores = table.Column<string>(type: "text", nullable: false),
                    Percent = table.Column<double>(type: "double precision", nullable: false),
                    Comment = table.Column<string>(type: "text", maxLength: 1000, nullable: true, collation: "C"),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evaluations_AspNetUsers_EvaluatorId",
                        column: x => x.EvaluatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Evaluations_EvaluationTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "EvaluationTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluatorAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    EvaluatorId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    EvaluatorName = table.Column<string>(type: "text", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluatorAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluatorAssignments_AspNetUsers_EvaluatorId",
                        column: x => x.EvaluatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluatorAssignments_EvaluationTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "EvaluationTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RankingAppeals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PublicationId = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    AppellantId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AppellantName = table.Column<string>(type: "text", maxLength: 200, nullable: false, collation: "C"),
                    Reason = table.Column<string>(type: "text", maxLength: 2000, nullable: false, collation: "C"),
                    FiledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedById = table.Column<string>(type: "text", maxLength: 450, nullable: true, collation: "C"),
                    DecidedByName = table.Column<string>(type: "text", maxLength: 200, nullable: true, collation: "C"),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Decision = table.Column<string>(type: "text", maxLength: 2000, nullable: true, collation: "C"),
                    AmendedScore = table.Column<double>(type: "double precision", nullable: true),
                    AmendedPublicationId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankingAppeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RankingAppeals_AspNetUsers_AppellantId",
                        column: x => x.AppellantId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RankingAppeals_EvaluationTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "EvaluationTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RankingAppeals_RankingPublications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "RankingPublications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShiftReviewAmendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    AmendedById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AmendedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "text", maxLength: 500, nullable: false, collation: "C"),
                    Before = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftReviewAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShiftReviewAmendments_AspNetUsers_AmendedById",
                        column: x => x.AmendedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShiftReviewAmendments_ShiftReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ShiftReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShiftReviewNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ShiftDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", maxLength: 500, nullable: false, collation: "C"),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftReviewNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShiftReviewNotes_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ShiftReviewNotes_ShiftReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ShiftReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CourseAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    AssignedById = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    AssignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourseAssignments_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CourseCompletions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    CourseVersion = table.Column<int>(type: "integer", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseCompletions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourseCompletions_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CourseRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C"),
                    Audience = table.Column<string>(type: "text", nullable: false),
                    CountsTowardClearance = table.Column<bool>(type: "boolean", nullable: false),
                    DueDays = table.Column<int>(type: "integer", nullable: false),
                    EstimatedMinutes = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Introduction_En = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Introduction_Zh = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Summary_En = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Summary_Zh = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Title_En = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Title_Zh = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseRevisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Courses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "text", maxLength: 80, nullable: false, collation: "C"),
                    CurrentRevisionId = table.Column<int>(type: "integer", nullable: true),
                    SourceHash = table.Column<string>(type: "text", maxLength: 64, nullable: true, collation: "C"),
                    SourceFolder = table.Column<string>(type: "text", maxLength: 200, nullable: true, collation: "C"),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Courses_CourseRevisions_CurrentRevisionId",
                        column: x => x.CurrentRevisionId,
                        principalTable: "CourseRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LessonRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseRevisionId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "text", maxLength: 80, nullable: false, collation: "C"),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: true),
                    BodyZh = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    BodyEn = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Quiz = table.Column<string>(type: "text", nullable: true),
                    RequiredClips = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "text", maxLength: 64, nullable: false, collation: "C"),
                    Title_En = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Title_Zh = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LessonRevisions_CourseRevisions_CourseRevisionId",
                        column: x => x.CourseRevisionId,
                        principalTable: "CourseRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LessonCompletions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    LessonKey = table.Column<string>(type: "text", maxLength: 80, nullable: false, collation: "C"),
                    CourseVersion = table.Column<int>(type: "integer", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonCompletions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LessonCompletions_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LessonCompletions_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuizAttemptGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    LessonKey = table.Column<string>(type: "text", maxLength: 80, nullable: false, collation: "C"),
                    CourseVersion = table.Column<int>(type: "integer", nullable: false),
                    GrantedById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Reason = table.Column<string>(type: "text", maxLength: 500, nullable: false, collation: "C"),
                    GrantedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "QuizAttempts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    LessonKey = table.Column<string>(type: "text", maxLength: 80, nullable: false, collation: "C"),
                    CourseVersion = table.Column<int>(type: "integer", nullable: false),
                    LessonRevisionId = table.Column<int>(type: "integer", nullable: true),
                    Shown = table.Column<string>(type: "text", nullable: false),
                    Answers = table.Column<string>(type: "text", nullable: false),
                    ScorePercent = table.Column<int>(type: "integer", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_LessonRevisions_LessonRevisionId",
                        column: x => x.LessonRevisionId,
                        principalTable: "LessonRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_FullName",
                table: "AspNetUsers",
                column: "FullName");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PhoneNumber",
                table: "AspNetUsers",
                column: "PhoneNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PositionId",
                table: "AspNetUsers",
                column: "PositionId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SiteId",
                table: "AspNetUsers",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_StagedImportId",
                table: "AspNetUsers",
                column: "StagedImportId",
                filter: "\"StagedImportId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TeamId",
                table: "AspNetUsers",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkRatings_FeedbackCodeId",
                table: "BenchmarkRatings",
                column: "FeedbackCodeId");

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkRatings_PersonId_Year_Quarter",
                table: "BenchmarkRatings",
                columns: new[] { "PersonId", "Year", "Quarter" });

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkRatings_PositionId",
                table: "BenchmarkRatings",
                column: "PositionId");

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkRatings_RaterId_PersonId_Year_Quarter",
                table: "BenchmarkRatings",
                columns: new[] { "RaterId", "PersonId", "Year", "Quarter" },
                unique: true,
                filter: "\"RaterId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkRatings_SiteId_Year_Quarter",
                table: "BenchmarkRatings",
                columns: new[] { "SiteId", "Year", "Quarter" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Code",
                table: "Certificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_PersonId_BasisKey",
                table: "Certificates",
                columns: new[] { "PersonId", "BasisKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClearanceRequirements_PositionId_Kind_Slug",
                table: "ClearanceRequirements",
                columns: new[] { "PositionId", "Kind", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClipFeaturedPeople_PersonId",
                table: "ClipFeaturedPeople",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ClipMoments_ClipId_AtSeconds",
                table: "ClipMoments",
                columns: new[] { "ClipId", "AtSeconds" });

            migrationBuilder.CreateIndex(
                name: "IX_Clips_Kind_Status",
                table: "Clips",
                columns: new[] { "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Clips_SiteId",
                table: "Clips",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Clips_Slug",
                table: "Clips",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clips_UploadedById",
                table: "Clips",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_ClipUploads_PersonId",
                table: "ClipUploads",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ClipUploads_UpdatedAtUtc",
                table: "ClipUploads",
                column: "UpdatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ClipViews_ClipId",
                table: "ClipViews",
                column: "ClipId");

            migrationBuilder.CreateIndex(
                name: "IX_ClipViews_PersonId_ClipId",
                table: "ClipViews",
                columns: new[] { "PersonId", "ClipId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseAssignments_CourseId_DueOn",
                table: "CourseAssignments",
                columns: new[] { "CourseId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CourseAssignments_PersonId_CourseId",
                table: "CourseAssignments",
                columns: new[] { "PersonId", "CourseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseCompletions_CourseId",
                table: "CourseCompletions",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseCompletions_PersonId_CourseId_CourseVersion",
                table: "CourseCompletions",
                columns: new[] { "PersonId", "CourseId", "CourseVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseRevisions_CourseId_Number",
                table: "CourseRevisions",
                columns: new[] { "CourseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Courses_CurrentRevisionId",
                table: "Courses",
                column: "CurrentRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Courses_Slug",
                table: "Courses",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrillAnnulments_AttemptId",
                table: "DrillAnnulments",
                column: "AttemptId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrillAnnulments_CountersignedById",
                table: "DrillAnnulments",
                column: "CountersignedById");

            migrationBuilder.CreateIndex(
                name: "IX_DrillAnnulments_RequestedById",
                table: "DrillAnnulments",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_DrillAttempts_CandidateId_SignedAtUtc",
                table: "DrillAttempts",
                columns: new[] { "CandidateId", "SignedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DrillAttempts_CorrectsAttemptId",
                table: "DrillAttempts",
                column: "CorrectsAttemptId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrillAttempts_DrillRevisionId",
                table: "DrillAttempts",
                column: "DrillRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillAttempts_SessionId_CandidateId",
                table: "DrillAttempts",
                columns: new[] { "SessionId", "CandidateId" },
                unique: true,
                filter: "\"CorrectsAttemptId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DrillAttempts_SignedById",
                table: "DrillAttempts",
                column: "SignedById");

            migrationBuilder.CreateIndex(
                name: "IX_DrillRevisions_DrillId_Number",
                table: "DrillRevisions",
                columns: new[] { "DrillId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Drills_Slug",
                table: "Drills",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrillScores_AttemptId_CriterionKey",
                table: "DrillScores",
                columns: new[] { "AttemptId", "CriterionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrillSessions_CreatedById",
                table: "DrillSessions",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_DrillSessions_DrillId",
                table: "DrillSessions",
                column: "DrillId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillSessions_HeldOn",
                table: "DrillSessions",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_DrillSessions_SiteId",
                table: "DrillSessions",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillSessions_SubmissionKey",
                table: "DrillSessions",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationFormRevisions_FormId_Number",
                table: "EvaluationFormRevisions",
                columns: new[] { "FormId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationForms_Slug",
                table: "EvaluationForms",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPeriods_Year_Month",
                table: "EvaluationPeriods",
                columns: new[] { "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_EvaluatorId",
                table: "Evaluations",
                column: "EvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_TargetId_EvaluatorId",
                table: "Evaluations",
                columns: new[] { "TargetId", "EvaluatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTargets_FormRevisionId",
                table: "EvaluationTargets",
                column: "FormRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTargets_PeriodId_FormRevisionId_PersonId_TeamId",
                table: "EvaluationTargets",
                columns: new[] { "PeriodId", "FormRevisionId", "PersonId", "TeamId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTargets_PersonId",
                table: "EvaluationTargets",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTargets_SiteId",
                table: "EvaluationTargets",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTargets_TeamId",
                table: "EvaluationTargets",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluatorAssignments_EvaluatorId",
                table: "EvaluatorAssignments",
                column: "EvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluatorAssignments_TargetId_EvaluatorId",
                table: "EvaluatorAssignments",
                columns: new[] { "TargetId", "EvaluatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackCodes_Code",
                table: "FeedbackCodes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackCodes_PersonId",
                table: "FeedbackCodes",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackCodes_PositionId",
                table: "FeedbackCodes",
                column: "PositionId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackCodes_SiteId",
                table: "FeedbackCodes",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_ImportedAtUtc",
                table: "ImportBatches",
                column: "ImportedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_ImportedById",
                table: "ImportBatches",
                column: "ImportedById");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_Status",
                table: "ImportBatches",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ImportStagedChanges_BatchId",
                table: "ImportStagedChanges",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportStagedChanges_PersonId",
                table: "ImportStagedChanges",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_LessonCompletions_CourseId",
                table: "LessonCompletions",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_LessonCompletions_PersonId_CourseId_LessonKey_CourseVersion",
                table: "LessonCompletions",
                columns: new[] { "PersonId", "CourseId", "LessonKey", "CourseVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LessonRevisions_CourseRevisionId_Key",
                table: "LessonRevisions",
                columns: new[] { "CourseRevisionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Positions_Name",
                table: "Positions",
                column: "Name",
                unique: true);

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
                name: "IX_QuizAttempts_PersonId_CourseId_LessonKey",
                table: "QuizAttempts",
                columns: new[] { "PersonId", "CourseId", "LessonKey" });

            migrationBuilder.CreateIndex(
                name: "IX_RankingAppeals_AppellantId",
                table: "RankingAppeals",
                column: "AppellantId");

            migrationBuilder.CreateIndex(
                name: "IX_RankingAppeals_PublicationId",
                table: "RankingAppeals",
                column: "PublicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RankingAppeals_TargetId_Status",
                table: "RankingAppeals",
                columns: new[] { "TargetId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RankingPublications_PeriodId_Subject_Revision",
                table: "RankingPublications",
                columns: new[] { "PeriodId", "Subject", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RankingPublications_PublishedById",
                table: "RankingPublications",
                column: "PublishedById");

            migrationBuilder.CreateIndex(
                name: "IX_RecordChainLinks_Kind_RecordKey",
                table: "RecordChainLinks",
                columns: new[] { "Kind", "RecordKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceStarDecisions_DecidedById",
                table: "ServiceStarDecisions",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceStarDecisions_PersonId",
                table: "ServiceStarDecisions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceStarDecisions_SiteId_Year_Quarter",
                table: "ServiceStarDecisions",
                columns: new[] { "SiteId", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceStarNominations_NominatedById",
                table: "ServiceStarNominations",
                column: "NominatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceStarNominations_PersonId",
                table: "ServiceStarNominations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceStarNominations_SiteId_Year_Quarter_PersonId",
                table: "ServiceStarNominations",
                columns: new[] { "SiteId", "Year", "Quarter", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviewAmendments_AmendedById",
                table: "ShiftReviewAmendments",
                column: "AmendedById");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviewAmendments_ReviewId",
                table: "ShiftReviewAmendments",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviewNotes_PersonId_ShiftDate",
                table: "ShiftReviewNotes",
                columns: new[] { "PersonId", "ShiftDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviewNotes_ReviewId",
                table: "ShiftReviewNotes",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviews_FiledById",
                table: "ShiftReviews",
                column: "FiledById");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviews_ShiftDate",
                table: "ShiftReviews",
                column: "ShiftDate");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviews_SubmissionKey",
                table: "ShiftReviews",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShiftReviews_TeamId_ShiftDate_ShiftKey",
                table: "ShiftReviews",
                columns: new[] { "TeamId", "ShiftDate", "ShiftKey" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Sites_Code",
                table: "Sites",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sites_Name",
                table: "Sites",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmileStories_AuthorId",
                table: "SmileStories",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_SmileStories_ClipId",
                table: "SmileStories",
                column: "ClipId");

            migrationBuilder.CreateIndex(
                name: "IX_SmileStories_PersonId",
                table: "SmileStories",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SmileStories_SiteId_PublishedAtUtc",
                table: "SmileStories",
                columns: new[] { "SiteId", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SmileStories_SubmissionKey",
                table: "SmileStories",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Teams_ClassLeaderId",
                table: "Teams",
                column: "ClassLeaderId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_SiteId_Name",
                table: "Teams",
                columns: new[] { "SiteId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TranscodeJobs_ClipId",
                table: "TranscodeJobs",
                column: "ClipId");

            migrationBuilder.CreateIndex(
                name: "IX_TranscodeJobs_Status_NotBeforeUtc",
                table: "TranscodeJobs",
                columns: new[] { "Status", "NotBeforeUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                table: "AspNetUserClaims",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                table: "AspNetUserLogins",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                table: "AspNetUserRoles",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_ImportBatches_StagedImportId",
                table: "AspNetUsers",
                column: "StagedImportId",
                principalTable: "ImportBatches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Teams_TeamId",
                table: "AspNetUsers",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CourseAssignments_Courses_CourseId",
                table: "CourseAssignments",
                column: "CourseId",
                principalTable: "Courses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CourseCompletions_Courses_CourseId",
                table: "CourseCompletions",
                column: "CourseId",
                principalTable: "Courses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CourseRevisions_Courses_CourseId",
                table: "CourseRevisions",
                column: "CourseId",
                principalTable: "Courses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ImportBatches_AspNetUsers_ImportedById",
                table: "ImportBatches");

            migrationBuilder.DropForeignKey(
                name: "FK_Teams_AspNetUsers_ClassLeaderId",
                table: "Teams");

            migrationBuilder.DropForeignKey(
                name: "FK_CourseRevisions_Courses_CourseId",
                table: "CourseRevisions");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "BenchmarkRatings");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "ClearanceRequirements");

            migrationBuilder.DropTable(
                name: "ClipFeaturedPeople");

            migrationBuilder.DropTable(
                name: "ClipMoments");

            migrationBuilder.DropTable(
                name: "ClipUploads");

            migrationBuilder.DropTable(
                name: "ClipViews");

            migrationBuilder.DropTable(
                name: "Companies");

            migrationBuilder.DropTable(
                name: "CourseAssignments");

            migrationBuilder.DropTable(
                name: "CourseCompletions");

            migrationBuilder.DropTable(
                name: "DrillAnnulments");

            migrationBuilder.DropTable(
                name: "DrillScores");

            migrationBuilder.DropTable(
                name: "Evaluations");

            migrationBuilder.DropTable(
                name: "EvaluatorAssignments");

            migrationBuilder.DropTable(
                name: "ImportStagedChanges");

            migrationBuilder.DropTable(
                name: "LessonCompletions");

            migrationBuilder.DropTable(
                name: "QuizAttemptGrants");

            migrationBuilder.DropTable(
                name: "QuizAttempts");

            migrationBuilder.DropTable(
                name: "RankingAppeals");

            migrationBuilder.DropTable(
                name: "RecordChainLinks");

            migrationBuilder.DropTable(
                name: "ServiceStarDecisions");

            migrationBuilder.DropTable(
                name: "ServiceStarNominations");

            migrationBuilder.DropTable(
                name: "ShiftReviewAmendments");

            migrationBuilder.DropTable(
                name: "ShiftReviewNotes");

            migrationBuilder.DropTable(
                name: "SignInThrottles");

            migrationBuilder.DropTable(
                name: "SignInUnlocks");

            migrationBuilder.DropTable(
                name: "SmileStories");

            migrationBuilder.DropTable(
                name: "TranscodeJobs");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "FeedbackCodes");

            migrationBuilder.DropTable(
                name: "DrillAttempts");

            migrationBuilder.DropTable(
                name: "LessonRevisions");

            migrationBuilder.DropTable(
                name: "EvaluationTargets");

            migrationBuilder.DropTable(
                name: "RankingPublications");

            migrationBuilder.DropTable(
                name: "ShiftReviews");

            migrationBuilder.DropTable(
                name: "Clips");

            migrationBuilder.DropTable(
                name: "DrillRevisions");

            migrationBuilder.DropTable(
                name: "DrillSessions");

            migrationBuilder.DropTable(
                name: "EvaluationFormRevisions");

            migrationBuilder.DropTable(
                name: "EvaluationPeriods");

            migrationBuilder.DropTable(
                name: "Drills");

            migrationBuilder.DropTable(
                name: "EvaluationForms");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropTable(
                name: "Positions");

            migrationBuilder.DropTable(
                name: "Teams");

            migrationBuilder.DropTable(
                name: "Sites");

            migrationBuilder.DropTable(
                name: "Courses");

            migrationBuilder.DropTable(
                name: "CourseRevisions");
        }
    }
}
