using System.Globalization;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Data.Identity;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Benchmarks.ShiftReviews;

/// <summary>
/// One year of end-of-shift reviews for a large company: 50 sites × 10 teams × 10 people, one review a team a day
/// (a few missed), about eight notes to staff per review. Written with plain prepared inserts: the point is to
/// measure the reads, not to wait for the writes.
/// </summary>
public static class ShiftReviewYear
{
    public const int Sites = 50;
    public const int TeamsPerSite = 10;
    public const int MembersPerTeam = 10;
    public const int Days = 365;
    public const int NotesPerReview = 8;

    public sealed record Seeded(int Reviews, int Notes, int FirstSiteId, string ManagerId, int SomeTeamId, DateOnly Today);

    public static async Task<Seeded> SeedAsync(LmsHost host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LmsDbContext>();
        var today = SiteTime.Today(DateTime.UtcNow, null);
        var sites = Enumerable.Range(1, Sites).Select(i => new Site { Code = $"S{i:000}", Name = $"项目{i:000}" }).ToList();
        db.Sites.AddRange(sites);
        await db.SaveChangesAsync();
        var teams = sites.SelectMany(site => Enumerable.Range(1, TeamsPerSite).Select(i => new Team
        {
            SiteId = site.Id, Name = $"班组{i:00}", LineOfWork = (LineOfWork)(i % 5 + 1),
        })).ToList();
        db.Teams.AddRange(teams);
        await db.SaveChangesAsync();
        var people = teams.SelectMany((team, t) => Enumerable.Range(0, MembersPerTeam).Select(m => new Person
        {
            UserName = $"B{t:0000}{m:00}", NormalizedUserName = $"B{t:0000}{m:00}", FullName = $"员工{t}-{m}", TeamId = team.Id, SiteId = team.SiteId,
            SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAtUtc = DateTime.UtcNow,
        })).ToList();
        var manager = new Person { UserName = "MBENCH", NormalizedUserName = "MBENCH", FullName = "经理", SiteId = sites[0].Id, CreatedAtUtc = DateTime.UtcNow };
        db.Users.AddRange(people);
        db.Users.Add(manager);
        await db.SaveChangesAsync();
        var members = people.GroupBy(p => p.TeamId!.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList());
        foreach (var team in teams) team.ClassLeaderId = members[team.Id][0];
        await db.SaveChangesAsync();

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var review = Command(connection, transaction,
            """INSERT INTO "ShiftReviews" ("TeamId", "ShiftDate", "ShiftKey", "SubmissionKey", "FiledById", "FiledAtUtc", "UpdatedAtUtc", "FiledLate", "RosterSize", "AbsentPersonIds", "WentWell", "WentWellPoints", "FellShort", "FellShortPoints", "FollowUps") """ +
            "VALUES (@team, @date, 'day', @key, @by, @at, @at, @late, 10, '[]', @good, @goodPoints, @short, @shortPoints, '') RETURNING \"Id\"",
            "team", "date", "key", "by", "at", "late", "good", "goodPoints", "short", "shortPoints");
        // A review's notes in one statement: on a database server each statement is a round trip.
        var noteRows = Enumerable.Range(0, NotesPerReview).Select(n => $"(@review, @person{n}, @date, @team, @kind{n}, @points{n}, @text{n}, @at, @at)");
        var note = Command(connection, transaction,
            $"""INSERT INTO "ShiftReviewNotes" ("ReviewId", "PersonId", "ShiftDate", "TeamId", "Kind", "Points", "Text", "CreatedAtUtc", "AcknowledgedAtUtc") VALUES {string.Join(", ", noteRows)}""",
            ["review", "date", "team", "at", .. Enumerable.Range(0, NotesPerReview).SelectMany(n => new[] { $"person{n}", $"kind{n}", $"points{n}", $"text{n}" })]);
        var random = new Random(42);
        int reviews = 0, notes = 0;
        foreach (var team in teams)
        {
            for (var d = Days; d >= 1; d--)
            {
                if (random.Next(100) < 2) continue;
                var date = today.AddDays(-d);
                var at = DateTime.SpecifyKind(DateTime.UtcNow.AddDays(-d), DateTimeKind.Utc);
                var (good, bad) = ((EtiquettePoint)(1 << random.Next(8)), (EtiquettePoint)(1 << random.Next(8)) | (EtiquettePoint)(1 << random.Next(8)));
                var id = Convert.ToInt32(await RunAsync(review, team.Id, date, SubmissionKey(connection), team.ClassLeaderId!, at, random.Next(10) == 0,
                    "主动问好，微笑服务到位", (int)good, "个别同事未起身接待访客", (int)bad), CultureInfo.InvariantCulture);
                reviews++;
                List<object> values = [id, date, team.Id, at];
                for (var n = 0; n < NotesPerReview; n++)
                {
                    var praise = random.Next(2) == 0;
                    values.AddRange([members[team.Id][n + 1], praise ? 1 : 2, praise ? (int)good : (int)bad, praise ? "表扬：微笑自然" : "纠正：请起身接待"]);
                    notes++;
                }
                await RunAsync(note, [.. values]);
            }
        }
        await transaction.CommitAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return new Seeded(reviews, notes, sites[0].Id, manager.Id, teams[137].Id, today);
    }

    /// <summary>A Guid as each provider stores it: EF keeps it as upper-case text on SQLite, as uuid on PostgreSQL.</summary>
    private static object SubmissionKey(DbConnection connection) =>
        connection is Npgsql.NpgsqlConnection ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant();

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task<object?> RunAsync(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        return await command.ExecuteScalarAsync();
    }
}
