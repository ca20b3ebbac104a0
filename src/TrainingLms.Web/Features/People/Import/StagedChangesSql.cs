namespace TrainingLms.Web.Features.People.Import;

/// <summary>
/// Applies an import's staged changes to the people who exist, in two set-based statements inside the import's
/// switch: thousands of changed people then hold the write lock for milliseconds, not the seconds that loading and
/// saving them one by one would. The caller counts the change in <c>LearningChanges</c>. The statements are each
/// provider's own where SQL differs: a random stamp, reading the list of roles (JSON text on SQLite, an array on
/// PostgreSQL: each provider's own storage of a list of values), skipping a role already held.
/// </summary>
internal static class StagedChangesSql
{
    public static async Task ApplyAsync(LmsDbContext db, int batchId, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        // A fixed fragment of SQL, not a value: the batch is the statements' only parameter.
        var newStamp = postgres ? "replace(gen_random_uuid()::text, '-', '')" : "lower(hex(randomblob(16)))";
        // A blank (null) keeps what the person has; own staff written out (BecomesOwnStaff) clears the contractor company.
        // A site named without a team takes the person out of a team that is not at that site. The concurrency stamp
        // changes, so an administrator's form opened before is refused, not lost.
        var update = $$"""
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
                "ContractorCompanyId" = CASE WHEN c."BecomesOwnStaff" THEN NULL ELSE COALESCE(c."ContractorCompanyId", u."ContractorCompanyId") END,
                "ConcurrencyStamp" = {{newStamp}}
            FROM "ImportStagedChanges" AS c
            WHERE c."BatchId" = {0} AND c."PersonId" = u."Id"
            """;
        await db.Database.ExecuteSqlRawAsync(update, [batchId], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(postgres
            ? """
              INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
              SELECT c."PersonId", r.value FROM "ImportStagedChanges" AS c, unnest(c."AddedRoleIds") AS r(value)
              WHERE c."BatchId" = {0}
              ON CONFLICT DO NOTHING
              """
            : """
              INSERT OR IGNORE INTO "AspNetUserRoles" ("UserId", "RoleId")
              SELECT c."PersonId", r.value FROM "ImportStagedChanges" AS c, json_each(c."AddedRoleIds") AS r
              WHERE c."BatchId" = {0}
              """, [batchId], cancellationToken);
    }
}
