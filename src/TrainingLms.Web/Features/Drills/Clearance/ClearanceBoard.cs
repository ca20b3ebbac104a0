using TrainingLms.Domain.Drills;

namespace TrainingLms.Web.Features.Drills.Clearance;

public sealed record BoardFilter(int? SiteId, ClearanceStatus? Status, string? Query, int? PositionId, StaffFilter? Staff = null);

public sealed record ClearanceBoardModel(
    IReadOnlyList<SiteOption> Sites, SiteOption? Site, IReadOnlyList<(int Id, string Name)> Positions, IReadOnlyList<PersonClearance> Rows,
    IReadOnlyDictionary<ClearanceStatus, int> Counts, int NotRequired, RequirementTitles Titles);

/// <summary>
/// The clearance board of one site, for its manager and for administrators (who pick the site): who is cleared,
/// who is not and what they miss, whose clearance is running out. Problems come first.
/// </summary>
public sealed class ClearanceBoard(IDbContextFactory<LmsDbContext> dbFactory, ClearanceService clearance, IStringLocalizer<SharedResource> localizer)
{
    private static readonly ClearanceStatus[] Order = [ClearanceStatus.NotCleared, ClearanceStatus.Expired, ClearanceStatus.Expiring, ClearanceStatus.Cleared];

    /// <returns>Null when the viewer asked for a site they do not oversee.</returns>
    public async Task<ClearanceBoardModel?> LoadAsync(DrillViewer viewer, BoardFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sites = await (await DrillScope.BoardSitesAsync(db, viewer, cancellationToken)).AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code)
            .Select(s => new SiteOption(s.Id, s.Name, s.TimeZoneId)).ToListAsync(cancellationToken);
        if (filter.SiteId is { } wanted && sites.All(s => s.Id != wanted)) return null;
        var site = sites.FirstOrDefault(s => s.Id == filter.SiteId) ?? sites.FirstOrDefault();
        var titles = await clearance.TitlesAsync(cancellationToken);
        if (site is null) return new ClearanceBoardModel(sites, null, [], [], new Dictionary<ClearanceStatus, int>(), 0, titles);

        var people = db.Users.Where(p => p.SiteId == site.Id && p.IsActive);
        var positions = await people.Where(p => p.PositionId != null).Select(p => new { Id = p.PositionId!.Value, p.Position!.Name }).Distinct()
            .OrderBy(p => p.Name).ToListAsync(cancellationToken);
        if (filter.PositionId is { } position) people = people.Where(p => p.PositionId == position);
        if (filter.Staff is { } staff) people = await staff.ApplyAsync(db, people, cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var pattern = SearchPattern.Contains(filter.Query);
            people = people.Where(p => SearchPattern.Matches(p.FullName, pattern) || SearchPattern.Matches(p.UserName, pattern));
        }
        var evaluated = await clearance.EvaluateAsync(db, people, cancellationToken);
        var required = evaluated.Where(c => c.Result.Status != ClearanceStatus.NotRequired).ToList();
        var counts = Order.ToDictionary(s => s, s => required.Count(c => c.Result.Status == s));
        var rows = required.Where(c => filter.Status is null || c.Result.Status == filter.Status)
            .OrderBy(c => Array.IndexOf(Order, c.Result.Status)).ThenBy(c => c.Result.ValidThrough ?? DateOnly.MaxValue).ThenBy(c => c.Person.EmployeeNumber, StringComparer.Ordinal)
            .ToList();
        return new ClearanceBoardModel(sites, site, [.. positions.Select(p => (p.Id, p.Name))], rows, counts, evaluated.Count - required.Count, titles);
    }

    /// <summary>The board as a table for CSV: one row a person, what is missing in one cell.</summary>
    public IReadOnlyList<string> Header() =>
        [L("Field.Site"), L("Field.EmployeeNumber"), L("Field.FullName"), L("Field.Team"), L("Field.Position"), L("Field.Employer"), L("Clearance.Status"), L("Clearance.ValidThrough"), L("Clearance.Missing")];

    public List<Dictionary<string, object?>> Rows(ClearanceBoardModel board)
    {
        var header = Header();
        return [.. board.Rows.Select(c => new Dictionary<string, object?>
        {
            [header[0]] = c.Person.SiteName,
            [header[1]] = c.Person.EmployeeNumber,
            [header[2]] = c.Person.FullName,
            [header[3]] = c.Person.TeamName,
            [header[4]] = c.Person.PositionName,
            [header[5]] = c.Person.ContractorName ?? L("Staff.Own"),
            [header[6]] = L($"Clearance.Status.{c.Result.Status}"),
            [header[7]] = c.Result.ValidThrough?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [header[8]] = string.Join(L("Clearance.Requirement.Separator"), c.Result.Gaps.Select(g => GapText.Of(localizer, g, board.Titles))),
        })];
    }

    private string L(string key) => localizer[key];
}

/// <summary>One missing requirement in words, for the board, the person's page and the export.</summary>
public static class GapText
{
    public static string Of(IStringLocalizer localizer, ClearanceGap gap, RequirementTitles titles) =>
        localizer[gap is { Reason: GapReason.DrillNotPassed, Date: not null } ? "Clearance.Gap.DrillRetakeFrom" : $"Clearance.Gap.{gap.Reason}",
            titles.For(gap.Requirement), gap.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""];
}

/// <summary>
/// What a post requires, in words: each course or drill named with its kind and quoted, since titles hold commas and
/// enumeration marks themselves ("见面、微笑、问好、起身") and a plain list would run them together.
/// </summary>
public static class RequirementText
{
    public static string Of(IStringLocalizer localizer, Requirement requirement, RequirementTitles titles) =>
        localizer[requirement.Kind == RequirementKind.Course ? "Clearance.Requirement.Course" : "Clearance.Requirement.Drill", titles.For(requirement)];

    public static string List(IStringLocalizer localizer, IEnumerable<Requirement> requirements, RequirementTitles titles) =>
        string.Join(localizer["Clearance.Requirement.Separator"], requirements.Select(r => Of(localizer, r, titles)));
}
