namespace TrainingLms.Web.Features.People.Import;

/// <summary>
/// Applies an import's staged changes to the people who exist, in two set-based statements inside the import's
/// switch: thousands of changed people then hold the write lock for milliseconds, not the seconds that loading and
/// saving them one by one would. The caller counts the change in <c>LearningChanges</c>.
/// </summary>
internal static class StagedChangesSql
{
    public static async Task ApplyAsync(LmsDbContext db, int batchId, CancellationToken cancellationToken)
    {
        // A blank (null) keeps what the person has. A site named without a team takes the person out of a team that is
        // not at that site. The concurrency stamp changes, so an administrator's form opened before is refused, not lost.
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "AspNetUsers" AS u SET
                "FullName" = c."FullName",
                "PhoneNumber" = COALESCE(c."PhoneNumber", u."PhoneNumber"),
                "Email" = COALESCE(c."Email", u."Email"),
                "NormalizedEmail" = COALESCE(c."NormalizedEmail", u."NormalizedEmail"),
                "HireDate" = COALESCE(c."HireDate", u."HireDate"),
                "SiteId" = COALESCE(c."SiteId", u."SiteId"),
                "TeamId" = CASE
                    WHEN c."TeamId" IS NOT NULL THEN c."TeamId"
                    WHEN c."SiteId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Teams" AS t WHERE t."Id" = u."TeamId" AND t."SiteId" = c."SiteId") THEN NULL
                    ELSE u."TeamId" END,
                "PositionId" = COALESCE(c."PositionId", u."PositionId"),
                "ConcurrencyStamp" = lower(hex(randomblob(16)))
            FROM "ImportStagedChanges" AS c
            WHERE c."BatchId" = {batchId} AND c."PersonId" = u."Id"
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT OR IGNORE INTO "AspNetUserRoles" ("UserId", "RoleId")
            SELECT c."PersonId", r.value FROM "ImportStagedChanges" AS c, json_each(c."AddedRoleIds") AS r
            WHERE c."BatchId" = {batchId}
            """, cancellationToken);
    }
}
