using Microsoft.Data.Sqlite;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.IntegrationTests.Operations;

/// <summary>
/// Makes a company large, straight in its SQLite file (SQL, in a second): 5,000 more people in 250 teams of 20, each
/// team led by its first person, and a year of daily end-of-shift reviews for every team. Everyone signs in with the
/// demo employee's password.
/// </summary>
public static class LargeCompany
{
    public const int People = 5_000, TeamSize = 20, Days = 365;
    public const string Leader = "Z00001", Employee = "Z00002";

    public static async Task GenerateAsync(string dataPath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataPath, "lms.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$people", People);
        command.Parameters.AddWithValue("$teamSize", TeamSize);
        command.Parameters.AddWithValue("$days", Days);
        command.Parameters.AddWithValue("$employee", Roles.Employee);
        command.Parameters.AddWithValue("$leader", Roles.ClassLeader);
        command.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $people)
            INSERT INTO "AspNetUsers" ("Id", "AccessFailedCount", "ConcurrencyStamp", "CreatedAtUtc", "EmailConfirmed", "FullName", "HireDate",
                "IsActive", "LockoutEnabled", "MustChangePassword", "NormalizedUserName", "PasswordHash", "PhoneNumberConfirmed", "PositionId",
                "SecurityStamp", "SiteId", "TwoFactorEnabled", "UserName")
            SELECT printf('00000000-0000-4000-8000-%012d', i), 0, lower(hex(randomblob(16))), e."CreatedAtUtc", 0, '员工' || i, e."HireDate",
                1, 1, 0, printf('Z%05d', i), e."PasswordHash", 0, e."PositionId", upper(hex(randomblob(16))), e."SiteId", 0, printf('Z%05d', i)
            FROM n, "AspNetUsers" e WHERE e."UserName" = 'E0001';

            INSERT INTO "Teams" ("SiteId", "Name", "LineOfWork", "ClassLeaderId", "IsActive", "Shifts")
            SELECT "SiteId", '生成班组' || ((CAST(substr("UserName", 2) AS INTEGER) - 1) / $teamSize + 1), 1, "Id", 1, '[]'
            FROM "AspNetUsers" WHERE "UserName" GLOB 'Z[0-9][0-9][0-9][0-9][0-9]' AND (CAST(substr("UserName", 2) AS INTEGER) - 1) % $teamSize = 0;

            UPDATE "AspNetUsers" SET "TeamId" = (SELECT t."Id" FROM "Teams" t
                WHERE t."Name" = '生成班组' || ((CAST(substr("AspNetUsers"."UserName", 2) AS INTEGER) - 1) / $teamSize + 1))
            WHERE "UserName" GLOB 'Z[0-9][0-9][0-9][0-9][0-9]';

            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
            SELECT u."Id", r."Id" FROM "AspNetUsers" u JOIN "AspNetRoles" r
                ON r."Name" = CASE WHEN EXISTS (SELECT 1 FROM "Teams" t WHERE t."ClassLeaderId" = u."Id") THEN $leader ELSE $employee END
            WHERE u."UserName" GLOB 'Z[0-9][0-9][0-9][0-9][0-9]';

            WITH RECURSIVE d(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM d WHERE i < $days)
            INSERT INTO "ShiftReviews" ("TeamId", "ShiftDate", "ShiftKey", "SubmissionKey", "FiledById", "FiledAtUtc", "UpdatedAtUtc", "FiledLate",
                "RosterSize", "AbsentPersonIds", "WentWell", "WentWellPoints", "FellShort", "FellShortPoints", "FollowUps")
            SELECT t."Id", date('now', '-' || d.i || ' days'), 'day',
                printf('%08X-0000-4000-8000-%012X', t."Id", d.i),
                t."ClassLeaderId", date('now', '-' || d.i || ' days') || ' 12:00:00', date('now', '-' || d.i || ' days') || ' 12:00:00', 0,
                $teamSize, '[]', '制服整洁，工牌佩戴规范', 16, '', 0, ''
            FROM "Teams" t CROSS JOIN d
            WHERE t."Name" GLOB '生成班组*';
            """;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
