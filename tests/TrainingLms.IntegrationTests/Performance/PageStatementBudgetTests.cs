using System.Net;
using TrainingLms.IntegrationTests.Demo;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Performance;

/// <summary>The demo company with every request's SQL statements counted.</summary>
public sealed class CountedDemoFactory : IAsyncDisposable
{
    public SqlStatementCounter Counter { get; } = new();
    public DemoFactory App { get; }

    public CountedDemoFactory() => App = new DemoFactory { TestServices = services => services.AddSqlStatementCounter(Counter) };

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// The SQL statements the pages everyone opens first send through EF, per request, once warm: the home page of each
/// role and the learner's pages. Not timed — a count does not depend on the machine — so a page that starts querying
/// in a loop fails here, in CI, before any benchmark is run. The ceilings are today's counts on the demo company, a
/// ratchet. The learner pages read their caches only. An employee's home page sends two: what waits for them (filming
/// notices and open rectifications, one statement) and their place; their notes and drills (each a PersonCache), the
/// learner's record and the company's time zone come from memory. The other roles' home pages show more panels, each one or two statements: a
/// class leader's rosters and review slots, a trainer's evaluations to score, coming sessions and new hires, a
/// manager's site, yesterday's missing reviews and the site's overdue rectifications (one more statement), an
/// administrator's organisation counts. Not counted: the cache change log's catch-up on PostgreSQL, one raw query per
/// request that reads a cache.
/// </summary>
public class PageStatementBudgetTests(CountedDemoFactory fixture) : IClassFixture<CountedDemoFactory>
{
    /// <summary>Person, page, ceiling: the pages everyone opens first (the large company's test holds the same ceilings).</summary>
    public static TheoryData<string, string, int> Pages => new()
    {
        { "E0001", "/", 2 },
        { "C0001", "/", 7 },
        { "T0001", "/", 5 },
        { "M0001", "/", 9 },
        { "A0001", "/", 7 },
        { "E0001", "/learning", 0 },
        { "E0001", "/learning/meet-smile-greet-rise", 0 },
        { "E0001", "/learning/meet-smile-greet-rise/01-meet", 0 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_SendsNoMoreStatementsThanItsCeiling(string person, string path, int ceiling)
    {
        var client = await fixture.App.SignedInAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode); // warm: caches filled, first-use work done
        fixture.Counter.Clear();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        var counted = Assert.Single(fixture.Counter.Requests, r => r.PathAndQuery == path);
        Assert.True(counted.Statements <= ceiling, $"{person} {path}: {counted.Statements} statements, more than {ceiling}:\n{string.Join("\n---\n", counted.Commands)}");
    }
}
