using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain;
using TrainingLms.Domain.Inspections;
using TrainingLms.IntegrationTests.Demo;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Drills.Records;
using TrainingLms.Web.Features.Evaluations.Cycle;
using TrainingLms.Web.Features.Evaluations.Rankings;
using TrainingLms.Web.Features.Evaluations.Scoring;
using TrainingLms.Web.Features.Inspections;
using TrainingLms.Web.Features.Inspections.Oversight;

namespace TrainingLms.IntegrationTests.Performance;

/// <summary>The demo company made large by <see cref="LargeCompanyGenerator"/>, with every request's SQL statements counted.</summary>
public sealed class CountedLargeCompany : IAsyncLifetime
{
    public SqlStatementCounter Counter { get; } = new();
    public DemoFactory App { get; }
    public LargeCompanyTiming? GeneratedIn { get; private set; }

    public CountedLargeCompany() => App = new DemoFactory { TestServices = services => services.AddSqlStatementCounter(Counter) };

    /// <summary>With the inspections (a few seconds more), so that one test checks what the oversight benchmark measures.</summary>
    public async ValueTask InitializeAsync() => GeneratedIn = await LargeCompanyGenerator.GenerateAsync(App.Services, inspections: true);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// The large company: its size, that the same seed makes the same company, that its signed records verify, and that
/// the pages everyone opens first send as many statements on it as on the demo company (none in a loop over its
/// people, teams or reviews). On SQLite only: the generation itself is tested on PostgreSQL by the pages benchmark
/// (<c>./lms bench pages --large --postgres</c>), and twice over here it would make this the slowest class of the
/// PostgreSQL run.
/// </summary>
[SqliteOnly("Generates the large company twice (some 30 s each); its PostgreSQL path is run by ./lms bench pages --large --postgres.")]
public class LargeCompanyTests(CountedLargeCompany large, CountedDemoFactory demo, ITestOutputHelper output) : IClassFixture<CountedLargeCompany>, IClassFixture<CountedDemoFactory>
{
    [Fact]
    public async Task Generate_MakesTheCompanyLarge()
    {
        var counts = await CountsAsync(large.App);
        output.WriteLine($"Generated in {large.GeneratedIn}: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}");

        // How long it took is reported, not asserted: the budget, under a minute, is the benchmark's to show on a machine
        // not shared with a test run (a shared one took over two minutes).
        Assert.True(counts["people"] >= LargeCompanyGenerator.People, $"{counts["people"]} people");
        Assert.True(counts["sites"] >= LargeCompanyGenerator.Sites, $"{counts["sites"]} sites");
        Assert.True(counts["teams"] >= LargeCompanyGenerator.Teams, $"{counts["teams"]} teams");
        Assert.True(counts["courses"] >= LargeCompanyGenerator.Courses, $"{counts["courses"]} courses");
        Assert.True(counts["reviews"] >= LargeCompanyGenerator.Teams * LargeCompanyGenerator.ReviewDays * 9 / 10, $"{counts["reviews"]} reviews");
        Assert.True(counts["lesson completions"] > counts["assignments"] / 2, $"{counts["lesson completions"]} lesson completions of {counts["assignments"]} assignments");
        Assert.True(counts["signed attempts"] >= LargeCompanyGenerator.Sites * 30, $"{counts["signed attempts"]} signed attempts");
        Assert.True(counts["evaluations"] > LargeCompanyGenerator.Teams * LargeCompanyGenerator.EvaluationMonths, $"{counts["evaluations"]} evaluations");
        Assert.Equal(LargeCompanyGenerator.EvaluationMonths, counts["published rankings"] / 2);
        Assert.True(counts["clips"] >= 300, $"{counts["clips"]} clips");
    }

    [Fact]
    public async Task Generate_TheSameSeed_MakesTheSameCompany()
    {
        await using var again = new DemoFactory();
        await LargeCompanyGenerator.GenerateAsync(again.Services);

        Assert.Equal(await CountsAsync(large.App), await CountsAsync(again));
        Assert.Equal(await FingerprintAsync(large.App), await FingerprintAsync(again));
    }

    /// <summary>
    /// The overdue list on tens of thousands of overdue assignments: an administrator's is counted up to the limit and
    /// paged oldest first, on past the counted pages; a manager's site is counted exactly, each person against their own site's today, equal to a
    /// count by hand over every assignment of the site.
    /// </summary>
    [Fact]
    public async Task OverdueList_AdministratorCappedAndOldestFirst_ManagerCountedAsByHand()
    {
        var (admin, second, manager, byHand, pastTheCount) = await large.App.WithScopeAsync(async services =>
        {
            var courses = services.GetRequiredService<CourseAdministration>();
            var db = services.GetRequiredService<LmsDbContext>();
            var managerPerson = await db.Users.SingleAsync(p => p.UserName == "M0001");
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var assignments = await db.CourseAssignments.AsNoTracking()
                .Where(a => a.Course!.IsActive && db.Users.Any(p => p.Id == a.PersonId && p.IsActive && p.SiteId == managerPerson.SiteId))
                .Select(a => new { a.PersonId, a.CourseId, a.DueOn, Zone = db.Users.Where(p => p.Id == a.PersonId).Select(p => p.Site!.TimeZoneId).First() })
                .ToListAsync();
            var done = (await db.CourseCompletions.AsNoTracking().Select(c => new { c.PersonId, c.CourseId }).ToListAsync()).ToHashSet();
            var overdue = assignments.Count(a => a.DueOn < SiteTime.Today(now, a.Zone) && !done.Contains(new { a.PersonId, a.CourseId }));
            return (await courses.OverdueAsync("nobody", administrator: true, manager: false), await courses.OverdueAsync("nobody", true, false, page: 2),
                await courses.OverdueAsync(managerPerson.Id, administrator: false, manager: true), overdue,
                await courses.OverdueAsync("nobody", true, false, page: CourseAdministration.OverdueCountLimit / CourseAdministration.OverduePageSize + 1));
        });

        Assert.True(admin.More, $"{admin.Total} overdue");
        Assert.Equal((CourseAdministration.OverdueCountLimit, CourseAdministration.OverdueCountLimit / CourseAdministration.OverduePageSize), (admin.Total, admin.PageCount));
        var pages = admin.Rows.Concat(second.Rows).ToList();
        Assert.Equal(2 * CourseAdministration.OverduePageSize, pages.Count);
        Assert.Equal(pages.OrderBy(r => r.DueOn).Select(r => r.DueOn), pages.Select(r => r.DueOn));
        Assert.All(pages, r => Assert.True(r.DaysOverdue > 0, $"{r.EmployeeNumber} {r.DueOn}: {r.DaysOverdue} days"));
        Assert.True(byHand > 0);
        Assert.Equal((byHand, false), (manager.Total, manager.More));
        // Past the counted pages the list goes on, a page at a time, older to newer.
        Assert.Equal((admin.PageCount + 1, admin.PageCount + 2, CourseAdministration.OverduePageSize), (pastTheCount.Page, pastTheCount.PageCount, pastTheCount.Rows.Count));
        Assert.True(pastTheCount.Rows[0].DueOn >= second.Rows[^1].DueOn);
    }

    /// <summary>A month of the large company's evaluations, a page of targets at a time; the missing count is the whole month's, as counted by hand.</summary>
    [Fact]
    public async Task PeriodRecord_APageOfTargets_MissingCountedOverTheMonth()
    {
        var (first, last, byHand, targets) = await large.App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LmsDbContext>();
            var periodId = await db.EvaluationPeriods.OrderByDescending(p => p.Year).ThenByDescending(p => p.Month).Select(p => p.Id).FirstAsync();
            var administration = services.GetRequiredService<PeriodAdministration>();
            var admin = new EvaluationViewer("admin", true);
            var missing = await db.EvaluatorAssignments.CountAsync(a => db.EvaluationTargets.Any(t => t.Id == a.TargetId && t.PeriodId == periodId)
                && !db.Evaluations.Any(e => e.TargetId == a.TargetId && e.EvaluatorId == a.EvaluatorId));
            var count = await db.EvaluationTargets.CountAsync(t => t.PeriodId == periodId);
            var firstPage = (await administration.RecordAsync(admin, periodId))!;
            return (firstPage, (await administration.RecordAsync(admin, periodId, firstPage.PageCount + 5))!, missing, count);
        });

        Assert.True(targets > PeriodAdministration.TargetsPerPage, $"{targets} targets");
        Assert.Equal((PeriodAdministration.TargetsPerPage, (targets + PeriodAdministration.TargetsPerPage - 1) / PeriodAdministration.TargetsPerPage), (first.Targets.Count, first.PageCount));
        Assert.Equal((first.PageCount, targets - (first.PageCount - 1) * PeriodAdministration.TargetsPerPage), (last.Page, last.Targets.Count));
        Assert.Equal(byHand, first.Missing);
        Assert.Empty(first.Targets.Select(t => t.TargetId).Intersect(last.Targets.Select(t => t.TargetId)));
    }

    /// <summary>The rankings a hundred lines of each subject a page, ranks running on from page to page; the sites' ranking whole on each; unpaged, every line.</summary>
    [Fact]
    public async Task Rankings_AHundredLinesAPage_RanksRunOn()
    {
        var (first, second, whole) = await large.App.WithScopeAsync(async services =>
        {
            var board = services.GetRequiredService<RankingBoard>();
            var viewer = new RankingViewer("nobody", IsAdmin: true, IsManager: false);
            return (await board.MonthAsync(viewer, null, page: 1), await board.MonthAsync(viewer, null, page: 2), await board.MonthAsync(viewer, null));
        });

        Assert.True(first.IsPublished);
        var largest = first.Subjects.Max(s => s.LineCount);
        Assert.True(largest > RankingBoard.LinesPerPage, $"{largest} lines");
        Assert.Equal((1, 2, (largest + RankingBoard.LinesPerPage - 1) / RankingBoard.LinesPerPage), (first.Page, second.Page, first.PageCount));
        foreach (var (one, two) in first.Subjects.Zip(second.Subjects))
        {
            Assert.Equal(Math.Min(one.LineCount, RankingBoard.LinesPerPage), one.Lines.Count);
            if (two.Lines.Count > 0) Assert.True(two.Lines[0].Entry.Rank >= one.Lines[^1].Entry.Rank);
            Assert.Empty(one.Lines.Select(l => l.Entry.TargetId).Intersect(two.Lines.Select(l => l.Entry.TargetId)));
        }
        Assert.Equal(first.Sites, second.Sites);
        // Unpaged (the site pack): every line.
        Assert.Equal(first.Subjects.Select(s => s.LineCount), whole.Subjects.Select(s => s.Lines.Count));
    }

    [Fact]
    public async Task Generate_SignedRecords_Verify()
    {
        var report = await large.App.WithScopeAsync(services => services.GetRequiredService<RecordChainVerifier>().VerifyAsync());

        Assert.True(report.IsIntact, string.Join("; ", report.Breaks));
        Assert.True(report.Links >= LargeCompanyGenerator.Sites * 30, $"{report.Links} links");
    }

    /// <summary>
    /// The year of inspections: about as many as asked, a rectification for every "not OK" tick, and the oversight's
    /// figures (read from the verdicts beside the results) equal to a count by hand of the results themselves: the
    /// whole company over the year, and one post over a month.
    /// </summary>
    [Fact]
    public async Task Generate_Inspections_OversightFiguresEqualACountByHand()
    {
        var zone = SiteTime.DefaultTimeZoneId;
        var today = SiteTime.Today(DateTime.UtcNow, zone);
        var (inspections, rectifications, admin) = await large.App.WithDbAsync(async db => (
            await db.Inspections.AsNoTracking().Select(i => new { i.TeamId, i.Announced, i.InspectedAtUtc, i.Results }).ToListAsync(),
            await db.Rectifications.CountAsync(),
            await db.Users.Where(p => p.UserName == "A0001").Select(p => p.Id).SingleAsync()));
        Assert.InRange(inspections.Count, LargeCompanyGenerator.Inspections * 9 / 10, LargeCompanyGenerator.Inspections + 10);
        Assert.Equal(inspections.Sum(i => i.Results.Count(r => r.Verdict == ItemVerdict.NotOk)), rectifications);

        var viewer = new InspectionViewer(admin, SeesAll: true, IsManager: false, IsClassLeader: false);
        Task<OversightReport> ReportAsync(OversightFilter filter) =>
            large.App.WithScopeAsync(services => services.GetRequiredService<InspectionOversight>().ReportAsync(viewer, filter));
        void AssertCountedByHand(OversightReport report, IReadOnlyList<ItemResult> ticks, int held, int announced)
        {
            Assert.Equal((held, announced), (report.Totals.Held, report.Totals.Announced));
            Assert.Equal((ticks.Count(r => r.Verdict == ItemVerdict.Ok), ticks.Count(r => r.Verdict == ItemVerdict.NotOk), ticks.Count(r => r.Verdict == ItemVerdict.NotSeen)),
                (report.Totals.Ok, report.Totals.NotOk, report.Totals.NotSeen));
            foreach (var item in report.Items)
                Assert.Equal((ticks.Count(r => r.Key == item.Tally.Key && r.Verdict == ItemVerdict.Ok), ticks.Count(r => r.Key == item.Tally.Key && r.Verdict == ItemVerdict.NotOk)),
                    (item.Tally.Ok, item.Tally.NotOk));
            Assert.Equal(held, report.Totals.Weeks.Sum(w => w.Inspections));
        }

        var year = await ReportAsync(new OversightFilter(null, null, null, today.AddDays(-InspectionOversight.MaxDays + 1), today));
        var inYear = inspections.Where(i => SiteTime.ToLocal(i.InspectedAtUtc, zone) >= today.AddDays(-InspectionOversight.MaxDays + 1).ToDateTime(TimeOnly.MinValue)).ToList();
        AssertCountedByHand(year, [.. inYear.SelectMany(i => i.Results)], inYear.Count, inYear.Count(i => i.Announced));
        Assert.Equal(rectifications, year.Rectifications.Raised);

        var team = inspections.GroupBy(i => i.TeamId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var post = await ReportAsync(new OversightFilter(null, team, null, month, month.AddMonths(1).AddDays(-1)));
        var inMonth = inspections.Where(i => i.TeamId == team && DateOnly.FromDateTime(SiteTime.ToLocal(i.InspectedAtUtc, zone)) is var day
            && day >= month && day < month.AddMonths(1)).ToList();
        Assert.NotEmpty(inMonth);
        AssertCountedByHand(post, [.. inMonth.SelectMany(i => i.Results)], inMonth.Count, inMonth.Count(i => i.Announced));
        Assert.Equal(inMonth.Sum(i => i.Results.Count(r => r.Verdict == ItemVerdict.NotOk)), post.Rectifications.Raised);
    }

    /// <summary>The ceilings are <see cref="PageStatementBudgetTests"/>'s; equal to the demo's count is the point.</summary>
    [Theory]
    [MemberData(nameof(PageStatementBudgetTests.Pages), MemberType = typeof(PageStatementBudgetTests))]
    public async Task Page_SendsAsManyStatementsAsOnTheDemoCompany(string person, string path, int ceiling)
    {
        var onDemo = await CountAsync(demo.App, demo.Counter, person, path);
        var onLarge = await CountAsync(large.App, large.Counter, person, path);

        Assert.True(onLarge.Statements <= ceiling, $"{person} {path}: {onLarge.Statements} statements, more than {ceiling}:\n{string.Join("\n---\n", onLarge.Commands)}");
        Assert.True(onLarge.Statements == onDemo.Statements,
            $"{person} {path}: {onLarge.Statements} statements on the large company, {onDemo.Statements} on the demo's. Large:\n{string.Join("\n---\n", onLarge.Commands)}\nDemo:\n{string.Join("\n---\n", onDemo.Commands)}");
    }

    private static async Task<SqlStatementCounter.CountedRequest> CountAsync(LmsFactory app, SqlStatementCounter counter, string person, string path)
    {
        var client = await app.SignedInAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode); // warm: caches filled, first-use work done
        counter.Clear();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        return Assert.Single(counter.Requests, r => r.PathAndQuery == path);
    }

    private static Task<SortedDictionary<string, int>> CountsAsync(LmsFactory app) => app.WithDbAsync(async db => new SortedDictionary<string, int>
    {
        ["people"] = await db.Users.CountAsync(),
        ["sites"] = await db.Sites.CountAsync(),
        ["teams"] = await db.Teams.CountAsync(),
        ["courses"] = await db.Courses.CountAsync(),
        ["lessons"] = await db.LessonRevisions.CountAsync(),
        ["assignments"] = await db.CourseAssignments.CountAsync(),
        ["lesson completions"] = await db.LessonCompletions.CountAsync(),
        ["course completions"] = await db.CourseCompletions.CountAsync(),
        ["reviews"] = await db.ShiftReviews.CountAsync(),
        ["notes"] = await db.ShiftReviewNotes.CountAsync(),
        ["signed attempts"] = await db.DrillAttempts.CountAsync(a => a.SignedAtUtc != null),
        ["record chain links"] = await db.RecordChainLinks.CountAsync(),
        ["evaluations"] = await db.Evaluations.CountAsync(),
        ["published rankings"] = await db.RankingPublications.CountAsync(),
        ["clips"] = await db.Clips.CountAsync(),
    });

    /// <summary>Hashes of what the seed decides, by kind of row (the demo's own people have random ids, so only the generated people's rows).</summary>
    private static Task<SortedDictionary<string, string>> FingerprintAsync(LmsFactory app) => app.WithDbAsync(async db =>
    {
        var generated = db.Users.Where(p => p.UserName!.StartsWith("G")).Select(p => p.Id);
        static string Hash<T>(IEnumerable<T> rows) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))));
        return new SortedDictionary<string, string>
        {
            ["people"] = Hash(await db.Users.Where(p => p.UserName!.StartsWith("G")).OrderBy(p => p.UserName)
                .Select(p => p.Id + " " + p.UserName + " " + p.FullName + " " + p.TeamId + " " + p.SiteId + " " + p.HireDate).ToListAsync()),
            ["reviews"] = Hash((await db.ShiftReviews.Where(r => generated.Contains(r.FiledById)).OrderBy(r => r.TeamId).ThenBy(r => r.ShiftDate).ThenBy(r => r.ShiftKey)
                    .Select(r => new { r.TeamId, r.ShiftDate, r.ShiftKey, r.SubmissionKey, r.FiledById, r.FiledAtUtc }).ToListAsync())
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.TeamId} {r.ShiftDate:O} {r.ShiftKey} {r.SubmissionKey} {r.FiledById} {r.FiledAtUtc:O}"))),
            ["assignments"] = Hash(await db.CourseAssignments.Where(a => generated.Contains(a.PersonId)).OrderBy(a => a.Id)
                .Select(a => a.PersonId + " " + a.CourseId + " " + a.DueOn).ToListAsync()),
            ["lesson completions"] = Hash(await db.LessonCompletions.Where(c => generated.Contains(c.PersonId)).OrderBy(c => c.Id)
                .Select(c => c.PersonId + " " + c.LessonKey).ToListAsync()),
            ["drill results"] = Hash(await db.DrillAttempts.Where(a => generated.Contains(a.CandidateId)).OrderBy(a => a.Id)
                .Select(a => a.CandidateId + " " + a.ContentHash).ToListAsync()),
        };
    });
}
