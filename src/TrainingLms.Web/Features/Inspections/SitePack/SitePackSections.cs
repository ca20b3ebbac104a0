namespace TrainingLms.Web.Features.Inspections.SitePack;

/// <summary>One figure: a count (or a rank, or a score), what it is counted out of, and the share in per cent.</summary>
public sealed record PackRow(string Name, double? Value, double? Of = null, double? Percent = null);

/// <summary>A bar per label, a share in per cent each (null: nothing to measure); the numbers are printed beside the bars.</summary>
public sealed record PackChart(string Title, IReadOnlyList<(string Label, double? Percent)> Bars);

public sealed record PackSection(string Title, IReadOnlyList<PackRow> Rows, PackChart? Chart = null, string? Note = null);

/// <summary>
/// The pack's figures as titled sections in the current UI language, so the PDF and the workbook say the same thing in
/// the same order: one builds the pages from them, the other a line per row.
/// </summary>
public sealed class SitePackSections(IStringLocalizer<SharedResource> localizer)
{
    public string Title => L("SitePack.Title");

    /// <summary>The month as the language writes it: 2026年10月, October 2026.</summary>
    public static string MonthText(DateOnly month) => month.ToString("Y", CultureInfo.CurrentCulture);

    public IReadOnlyList<string> Columns => [L("SitePack.Column.Section"), L("SitePack.Column.Figure"), L("SitePack.Column.Value"), L("SitePack.Column.Of"), L("SitePack.Column.Percent")];

    public IReadOnlyList<PackSection> Build(SitePackData pack) =>
    [
        Inspections(pack),
        Rectifications(pack),
        Reviews(pack),
        Training(pack),
        Courses(pack),
        Clearance(pack),
        Ranking(pack),
    ];

    private PackSection Inspections(SitePackData pack)
    {
        var totals = pack.Inspections.Totals;
        return new(L("Inspections.Title"),
        [
            new(L("Inspections.Oversight.Held"), totals.Held),
            new(L("Inspections.Announced.Yes"), totals.Announced),
            new(L("Inspections.Announced.No"), totals.WalkBy),
            new(L("Inspections.Oversight.PassRate"), totals.Ok, totals.Ok + totals.NotOk, totals.PassRate),
            .. totals.Weeks.Select(w => new PackRow(localizer["SitePack.Week", w.Label, w.Inspections], w.Ok, w.Ok + w.NotOk, w.PassRate)),
        ],
        new PackChart(L("SitePack.Chart.PassRateByWeek"), [.. totals.Weeks.Select(w => (w.Label, w.PassRate))]),
        L("Inspections.Oversight.PassRateRule"));
    }

    private PackSection Rectifications(SitePackData pack)
    {
        var figures = pack.Inspections.Rectifications;
        return new(L("Rectifications.Title"),
        [
            new(L("Inspections.Oversight.Rectifications.Raised"), figures.Raised),
            new(L("Inspections.Oversight.Rectifications.Open"), figures.Open),
            new(L("Inspections.Oversight.Rectifications.Overdue"), figures.Overdue),
            new(L("Inspections.Oversight.Rectifications.Awaiting"), figures.AwaitingVerification),
        ], Note: L("Inspections.Oversight.Rectifications.Note"));
    }

    private PackSection Reviews(SitePackData pack)
    {
        var (filed, late, due) = (pack.Reviews.Sum(t => t.Filed), pack.Reviews.Sum(t => t.Late), pack.Reviews.Sum(t => t.Due));
        return new(L("SitePack.Reviews"),
        [
            new(L("SitePack.Reviews.Filed"), filed + late, due, Share(filed + late, due)),
            new(L("ShiftReviews.Status.Late"), late),
            new(L("ShiftReviews.Status.Missing"), pack.Reviews.Sum(t => t.Missing)),
            .. pack.Reviews.Select(t => new PackRow(t.TeamName, t.Filed + t.Late, t.Due, t.FiledRate)),
        ],
        new PackChart(L("SitePack.Chart.FilingByTeam"), [.. pack.Reviews.Select(t => (t.TeamName, t.FiledRate))]),
        L("SitePack.Reviews.Note"));
    }

    private PackSection Training(SitePackData pack) => new(L("SitePack.Training"),
    [
        new(L("SitePack.Training.Records"), pack.Training.Records),
        new(L("TrainingRecords.Status.Countersigned"), pack.Training.Countersigned, pack.Training.Records, Share(pack.Training.Countersigned, pack.Training.Records)),
        new(L("TrainingRecords.Status.Submitted"), pack.Training.Submitted),
        new(L("TrainingRecords.Status.Returned"), pack.Training.Returned),
        new(L("SitePack.Training.Attendances"), pack.Training.Attendances),
        new(L("SitePack.Training.Minutes"), pack.Training.Minutes),
    ]);

    private PackSection Courses(SitePackData pack)
    {
        var courses = pack.Courses;
        return new(L("SitePack.Courses"),
        [
            new(L("SitePack.Courses.People"), courses.People),
            new(L("SitePack.Courses.Completed"), courses.Completed, courses.Assigned, courses.CompletionRate),
            new(L("SitePack.Courses.Overdue"), courses.Overdue, courses.Assigned, Share(courses.Overdue, courses.Assigned)),
            new(L("SitePack.Courses.CompletedInMonth"), courses.CompletedInMonth),
        ], Note: localizer["SitePack.Courses.Note", courses.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
    }

    private PackSection Clearance(SitePackData pack)
    {
        var clearance = pack.Clearance;
        return new(L("SitePack.Clearance"),
        [
            new(L("SitePack.Clearance.Cleared"), clearance.Cleared + clearance.Expiring, clearance.Required, clearance.ClearedRate),
            new(L("Clearance.Status.Expiring"), clearance.Expiring),
            new(L("Clearance.Status.Expired"), clearance.Expired),
            new(L("Clearance.Status.NotCleared"), clearance.NotCleared),
            new(L("Clearance.Status.NotRequired"), clearance.NotRequired),
        ], Note: L("SitePack.Clearance.Note"));
    }

    private PackSection Ranking(SitePackData pack)
    {
        var ranking = pack.Ranking;
        if (!ranking.Published) return new(L("SitePack.Ranking"), [], Note: L("SitePack.Ranking.NotPublished"));
        return new(L("SitePack.Ranking"),
        [
            new(L("SitePack.Ranking.SiteRank"), ranking.Site?.Rank, ranking.SitesRanked, ranking.Site?.Score),
            .. ranking.Teams.Select(e => new PackRow(localizer["SitePack.Ranking.Team", e.SubjectName], e.Rank, null, e.Score)),
            .. ranking.Supervisors.Select(e => new PackRow(localizer["SitePack.Ranking.Supervisor", e.SubjectName], e.Rank, null, e.Score)),
        ], Note: L("SitePack.Ranking.Note"));
    }

    /// <summary>A share in per cent to one decimal, as the other services round theirs; null out of nothing.</summary>
    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);

    private string L(string key) => localizer[key];
}
