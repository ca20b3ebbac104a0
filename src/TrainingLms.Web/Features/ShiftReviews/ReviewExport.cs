using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.ShiftReviews;

/// <summary>Reviews of the viewer's teams over a date range, as a table for CSV and Excel.</summary>
public sealed class ReviewExport(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, CompanyTimeZone companyZone, IStringLocalizer<SharedResource> localizer)
{
    public const int DefaultDays = 31;
    public const int MaxDays = 366;

    public async Task<List<Dictionary<string, object?>>> RowsAsync(ReviewViewer viewer, int? siteId, DateOnly? from, DateOnly? to, StaffFilter? staff = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = to ?? SiteTime.Today(clock.GetUtcNow().UtcDateTime, await companyZone.GetAsync(cancellationToken));
        var first = FirstDay(from, last);
        var teams = (await ReviewScope.VisibleTeamsAsync(db, viewer, cancellationToken)).Where(t => siteId == null || t.SiteId == siteId);
        if (staff is not null) teams = await staff.ApplyToTeamsAsync(db, teams, cancellationToken);
        var reviews = await db.ShiftReviews.AsNoTracking()
            .Where(r => r.ShiftDate >= first && r.ShiftDate <= last)
            .Join(teams, r => r.TeamId, t => t.Id, (r, t) => new
            {
                Site = t.Site!.Name, Team = t.Name, t.Site.TimeZoneId, r.ShiftDate, r.ShiftKey, r.FiledAtUtc, r.FiledLate,
                FiledBy = db.Users.Where(p => p.Id == r.FiledById).Select(p => p.FullName).FirstOrDefault(),
                r.RosterSize, r.AbsentPersonIds, r.WentWellPoints, r.WentWell, r.FellShortPoints, r.FellShort, r.FollowUps,
                Notes = r.Notes.Count, Amendments = r.Amendments.Count,
            })
            .OrderBy(r => r.Site).ThenBy(r => r.Team).ThenBy(r => r.ShiftDate).ThenBy(r => r.ShiftKey)
            .ToListAsync(cancellationToken);
        return [.. reviews.Select(r => new Dictionary<string, object?>
        {
            [L("Field.Site")] = r.Site,
            [L("Field.Team")] = r.Team,
            [L("ShiftReviews.ShiftDate")] = r.ShiftDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [L("ShiftReviews.Shift")] = r.ShiftKey == ShiftCalendar.DailyKey ? L("ShiftReviews.Daily") : r.ShiftKey,
            [L("ShiftReviews.Export.FiledBy")] = r.FiledBy,
            [L("ShiftReviews.Export.FiledAt")] = SiteTime.ToLocal(r.FiledAtUtc, r.TimeZoneId).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            [L("ShiftReviews.Status.Late")] = r.FiledLate ? L("Common.Yes") : L("Common.No"),
            [L("ShiftReviews.Export.Present")] = r.RosterSize - r.AbsentPersonIds.Count,
            [L("ShiftReviews.Export.Roster")] = r.RosterSize,
            [L("ShiftReviews.Export.WentWellPoints")] = Points(r.WentWellPoints),
            [L("ShiftReviews.WentWell")] = r.WentWell,
            [L("ShiftReviews.Export.FellShortPoints")] = Points(r.FellShortPoints),
            [L("ShiftReviews.FellShort")] = r.FellShort,
            [L("ShiftReviews.FollowUps")] = r.FollowUps,
            [L("ShiftReviews.Notes")] = r.Notes,
            [L("ShiftReviews.History")] = r.Amendments,
        })];
    }

    /// <summary>
    /// The first day exported up to <paramref name="last"/>: <paramref name="from"/> when it is given and not after it, but
    /// at most <see cref="MaxDays"/> back (a longer range is cut to the latest year, not replaced by a month); without
    /// a usable <paramref name="from"/>, the last <see cref="DefaultDays"/>.
    /// </summary>
    public static DateOnly FirstDay(DateOnly? from, DateOnly last) =>
        from is not { } first || first > last ? last.AddDays(-DefaultDays + 1)
        : last.DayNumber - first.DayNumber >= MaxDays ? last.AddDays(-MaxDays + 1)
        : first;

    public static byte[] Xlsx(List<Dictionary<string, object?>> rows) => XlsxExport.Write(rows, "Reviews");

    public IReadOnlyList<string> Header() =>
        [.. new[] { "Field.Site", "Field.Team", "ShiftReviews.ShiftDate", "ShiftReviews.Shift", "ShiftReviews.Export.FiledBy", "ShiftReviews.Export.FiledAt",
            "ShiftReviews.Status.Late", "ShiftReviews.Export.Present", "ShiftReviews.Export.Roster", "ShiftReviews.Export.WentWellPoints", "ShiftReviews.WentWell",
            "ShiftReviews.Export.FellShortPoints", "ShiftReviews.FellShort", "ShiftReviews.FollowUps", "ShiftReviews.Notes", "ShiftReviews.History" }.Select(L)];

    private string Points(EtiquettePoint points) =>
        string.Join(L("Common.ListSeparator"), EtiquettePoints.Split(points).Select(p => L($"ShiftReviews.Point.{p}")));

    private string L(string key) => localizer[key];
}
