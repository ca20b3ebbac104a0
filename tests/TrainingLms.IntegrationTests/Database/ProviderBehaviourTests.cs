using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.IntegrationTests.Database;

/// <summary>
/// What the app relies on from its database, the same on SQLite and on PostgreSQL (the integration tests run on both):
/// times, dates, case-insensitive names, search, sort order, text the server cannot hold, and the write lock.
/// </summary>
public class ProviderBehaviourTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    private IDbContextFactory<LmsDbContext> Contexts => factory.Services.GetRequiredService<IDbContextFactory<LmsDbContext>>();

    [Fact]
    public async Task Times_WrittenUtcOrUnspecified_ReadBackAsTheSameUtcWallClock_Unspecified()
    {
        var utc = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560);
        var unspecified = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Unspecified);
        await SaveAsync(db => db.RecordChainLinks.AddRange(Link(9_001, utc), Link(9_002, unspecified)));

        await using var db = await Contexts.CreateDbContextAsync();
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SET TIME ZONE 'Asia/Shanghai'"); // the session's zone changes nothing
        var read = await db.RecordChainLinks.AsNoTracking().Where(l => l.Sequence >= 9_001 && l.Sequence <= 9_002).OrderBy(l => l.Sequence).Select(l => l.AppendedAtUtc).ToListAsync();
        // A value of unspecified kind as a query parameter, as the app passes values read back.
        var later = await db.RecordChainLinks.CountAsync(l => l.Sequence >= 9_001 && l.Sequence <= 9_002 && l.AppendedAtUtc > new DateTime(2026, 3, 1, 8, 30, 0, DateTimeKind.Unspecified));

        Assert.Equal([utc, unspecified], read);
        Assert.All(read, time => Assert.Equal(DateTimeKind.Unspecified, time.Kind));
        Assert.Equal(1, later);
        if (db.Database.IsNpgsql())
        {
            // Stored as the instant it is: in UTC, 08:00, whatever the session's zone.
            var stored = await db.Database.SqlQueryRaw<string>(
                "SELECT to_char(\"AppendedAtUtc\" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS \"Value\" FROM \"RecordChainLinks\" WHERE \"Sequence\" = 9001").SingleAsync();
            Assert.Equal("2026-03-01 08:00:00.123456", stored);
        }
    }

    [Fact]
    public async Task Times_ToTheMicrosecond_ReadBackExactly_SoSignedRecordsKeepTheirHash()
    {
        var signedAt = StoredTime.Of(new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567));
        await SaveAsync(db => db.RecordChainLinks.Add(Link(9_101, signedAt)));

        var read = await WithDbAsync(db => db.RecordChainLinks.Where(l => l.Sequence == 9_101).Select(l => l.AppendedAtUtc).SingleAsync());

        Assert.Equal(signedAt.Ticks, read.Ticks);
    }

    [Fact]
    public async Task Dates_StoredAsDates_ComparedAsDates()
    {
        var code = Unique("D");
        await SaveAsync(db => db.Sites.Add(new Site { Code = code, Name = code, TimeZoneId = SiteTime.DefaultTimeZoneId }));
        var siteId = await WithDbAsync(db => db.Sites.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());
        var personId = await factory.CreatePersonAsync(Unique("DP"), [Roles.Employee]);
        await WithDbAsync(db => db.Users.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(p => p.HireDate, new DateOnly(2024, 2, 29)).SetProperty(p => p.SiteId, siteId)));

        var (hired, after, before) = await WithDbAsync(async db => (
            await db.Users.Where(p => p.Id == personId).Select(p => p.HireDate).SingleAsync(),
            await db.Users.CountAsync(p => p.SiteId == siteId && p.HireDate > new DateOnly(2024, 2, 28)),
            await db.Users.CountAsync(p => p.SiteId == siteId && p.HireDate < new DateOnly(2024, 2, 29))));

        Assert.Equal((new DateOnly(2024, 2, 29), 1, 0), (hired, after, before));
    }

    [Fact]
    public async Task SiteCodes_UniqueIgnoringTheCaseOfLatinLetters_AndFoundSo()
    {
        var code = Unique("ab");
        Assert.True(await SaveOnceAsync(db => db.Sites.Add(new Site { Code = code, Name = "甲" + code, TimeZoneId = SiteTime.DefaultTimeZoneId })));

        var upper = await SaveOnceAsync(db => db.Sites.Add(new Site { Code = code.ToUpperInvariant(), Name = "乙" + code, TimeZoneId = SiteTime.DefaultTimeZoneId }));
        var found = await WithDbAsync(db => db.Sites.CountAsync(s => s.Code == code.ToUpperInvariant()));

        Assert.False(upper);
        Assert.Equal(1, found);
    }

    [Fact]
    public async Task Search_IgnoresTheCaseOfLatinLetters_TakesPercentAndUnderscoreLiterally()
    {
        var tag = Unique("S");
        string[] names = [$"{tag} Zhang Wei", $"{tag} 张伟", $"{tag} 100% 满意", $"{tag} a_b", $"{tag} aXb", $"{tag} ÉLODIE"];
        await SaveAsync(db => db.Companies.AddRange(names.Select(name => new Company { Name = name })));

        Assert.Equal([$"{tag} Zhang Wei"], await SearchAsync(tag, "zHANG"));
        Assert.Equal([$"{tag} 张伟"], await SearchAsync(tag, "张"));
        Assert.Equal([$"{tag} 100% 满意"], await SearchAsync(tag, "0% 满"));
        Assert.Equal([$"{tag} a_b"], await SearchAsync(tag, "a_b"));
        // Beyond ASCII no letter folds, on either database.
        Assert.Empty(await SearchAsync(tag, "élodie"));
    }

    [Fact]
    public async Task Text_SortsByCodePoint_CapitalsBeforeSmallLetters_AsSQLitesBinary()
    {
        var tag = Unique("O");
        await SaveAsync(db => db.Companies.AddRange(new[] { "b", "张", "B", "a", "Z", "A" }.Select(suffix => new Company { Name = $"{tag} {suffix}" })));

        var sorted = await WithDbAsync(db => db.Companies.Where(c => c.Name.StartsWith(tag)).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());

        Assert.Equal(new[] { "A", "B", "Z", "a", "b", "张" }.Select(suffix => $"{tag} {suffix}"), sorted);
    }

    [Fact]
    public async Task Text_WithANulCharacter_IsSavedAndFound_NeverAFailedStatement()
    {
        var name = Unique("N") + "\0x";
        await SaveAsync(db => db.Companies.Add(new Company { Name = name }));

        var stored = await WithDbAsync(db => db.Companies.Where(c => c.Name == name).Select(c => c.Name).SingleAsync());
        var typed = "\0x"; // as a search box sends it: a parameter (a constant would be written into the SQL itself)
        await WithDbAsync(db => db.Companies.CountAsync(c => SearchPattern.Matches(c.Name, SearchPattern.Contains(typed))));

        // PostgreSQL's text cannot hold U+0000: there it is the replacement character, found by the same value.
        Assert.Equal(TestDatabase.IsPostgreSql ? name.Replace('\0', PostgreSqlText.Replacement) : name, stored);
    }

    [Fact]
    public async Task WriteLock_SameKey_ReadThenWriteTakesTurns_NoUpdateLost()
    {
        var counter = new Company { Name = "0" };
        await SaveAsync(db => db.Companies.Add(counter));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using var db = await Contexts.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await WriteLock.EnterAsync(db, $"test-counter:{counter.Id}");
            var company = await db.Companies.SingleAsync(c => c.Id == counter.Id);
            company.Name = (int.Parse(company.Name) + 1).ToString();
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        })));

        Assert.Equal("20", await WithDbAsync(db => db.Companies.Where(c => c.Id == counter.Id).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task WriteLock_OutsideATransaction_IsRefused()
    {
        await using var db = await Contexts.CreateDbContextAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => WriteLock.EnterAsync(db, "nowhere"));
    }

    private static RecordChainLink Link(long sequence, DateTime appendedAt) =>
        new() { Sequence = sequence, Kind = ChainedRecordKind.DrillResult, RecordKey = "test", ContentHash = "", PreviousMac = "", Mac = "", AppendedAtUtc = appendedAt };

    [Fact]
    [PostgreSqlOnly("PostgreSQL's JIT compilation is a setting of its server")]
    public async Task PostgreSql_TheAppsConnections_CompileNoStatement()
    {
        var jit = await WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync());

        Assert.Equal("off", jit);
    }

    [Fact]
    [PostgreSqlOnly("Prepared statements live on the server's connection")]
    public async Task PostgreSql_AStatementSentAgainAndAgain_IsPreparedOnTheServer()
    {
        var prepared = await WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var tag = Unique("prep");
            for (var i = 0; i < PostgreSqlConnection.AutoPrepareMinUsages + 1; i++)
                await db.Companies.Where(c => c.Name == tag).CountAsync();
            return await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        });

        Assert.Contains(prepared, statement => statement.Contains("\"Companies\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Host=db;Username=lms", "-c jit=off", PostgreSqlConnection.MaxAutoPrepare)]
    [InlineData("Host=db;Username=lms;Options=-c statement_timeout=5s", "-c statement_timeout=5s -c jit=off", PostgreSqlConnection.MaxAutoPrepare)]
    [InlineData("Host=db;Username=lms;Options=-c jit=on", "-c jit=on", PostgreSqlConnection.MaxAutoPrepare)]
    [InlineData("Host=db;Username=lms;Max Auto Prepare=0", "-c jit=off", 0)]
    [InlineData("Host=db;Username=lms;MaxAutoPrepare=20", "-c jit=off", 20)]
    public void PostgreSql_ConnectionString_GainsTheAppsSettingsUnlessItSaysOtherwise(string connectionString, string options, int maxAutoPrepare)
    {
        var forTheApp = new Npgsql.NpgsqlConnectionStringBuilder(PostgreSqlConnection.ForTheApp(connectionString));

        Assert.Equal(options, forTheApp.Options);
        Assert.Equal(maxAutoPrepare, forTheApp.MaxAutoPrepare);
    }

    private Task<List<string>> SearchAsync(string tag, string typed) => WithDbAsync(db => db.Companies
        .Where(c => c.Name.StartsWith(tag) && SearchPattern.Matches(c.Name, SearchPattern.Contains(typed))).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private async Task SaveAsync(Action<LmsDbContext> change)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        change(db);
        await db.SaveChangesAsync();
    }

    private async Task<bool> SaveOnceAsync(Action<LmsDbContext> change)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        change(db);
        return await UniqueIndex.SaveOnceAsync(db);
    }

    private Task<T> WithDbAsync<T>(Func<LmsDbContext, Task<T>> query) => factory.WithDbAsync(query);
}
