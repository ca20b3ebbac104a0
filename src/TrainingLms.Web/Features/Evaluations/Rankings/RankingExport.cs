using TrainingLms.Domain.Evaluations;

namespace TrainingLms.Web.Features.Evaluations.Rankings;

/// <summary>
/// A period's every target with its evaluators, evaluations and (once published) its line in the latest revision, as one
/// table that the CSV and the Excel export both write.
/// </summary>
public sealed class RankingExport(IDbContextFactory<LmsDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>
    /// The rows, or null when there is no such period. <paramref name="staff"/> keeps the supervisors among the chosen
    /// staff and the teams with members among them.
    /// </summary>
    public async Task<ExportTable?> TableAsync(int periodId, StaffFilter? staff = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var period = await db.EvaluationPeriods.AsNoTracking().Where(p => p.Id == periodId).Select(p => new { p.Year, p.Month }).SingleOrDefaultAsync(cancellationToken);
        if (period is null) return null;
        var chosen = db.EvaluationTargets.AsNoTracking().Where(t => t.PeriodId == periodId);
        if (staff is { ChoosesEveryone: false })
        {
            var people = await staff.ApplyAsync(db, db.Users, cancellationToken);
            var teams = await staff.ApplyToTeamsAsync(db, db.Teams, cancellationToken);
            chosen = chosen.Where(t => people.Any(p => p.Id == t.PersonId) || teams.Any(team => team.Id == t.TeamId));
        }
        var targets = await chosen
            .OrderBy(t => t.Subject).ThenBy(t => t.SiteName).ThenBy(t => t.SubjectName).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.Id, t.Subject, t.SubjectName, t.SiteName,
                Employer = t.PersonId == null ? null : db.Users.Where(p => p.Id == t.PersonId).Select(p => p.ContractorCompany == null ? "" : p.ContractorCompany.Name).FirstOrDefault(),
                Evaluators = t.Evaluators.OrderBy(e => e.EvaluatorName).Select(e => e.EvaluatorName).ToList(),
                Evaluations = t.Evaluations.OrderBy(e => e.EvaluatorName).Select(e => new { e.EvaluatorName, e.Percent }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var published = (await RankingDrafts.LatestAsync(db, periodId, cancellationToken)).Values
            .SelectMany(p => p.Entries).ToDictionary(e => e.TargetId);
        var separator = L("Common.ListSeparator");
        var rows = targets.Select(t =>
        {
            var line = published.GetValueOrDefault(t.Id);
            return new Dictionary<string, object?>
            {
                [L("Rankings.Export.Subject")] = L($"Rankings.Export.Kind.{t.Subject}"),
                [L("Rankings.Name")] = t.SubjectName,
                [L("Field.Site")] = t.SiteName,
                [L("Field.Employer")] = t.Employer is null ? null : t.Employer.Length == 0 ? L("Staff.Own") : t.Employer,
                [L("Rankings.Export.Assigned")] = string.Join(separator, t.Evaluators),
                [L("Rankings.Evaluations")] = t.Evaluations.Count,
                [L("Rankings.Export.Scores")] = string.Join(separator, t.Evaluations.Select(e => $"{e.EvaluatorName} {e.Percent.ToString("0.0", CultureInfo.InvariantCulture)}")),
                [L("Rankings.Export.MeanRaw")] = t.Evaluations.Count == 0 ? null : RankingCalculator.Round(t.Evaluations.Average(e => e.Percent)),
                [L("Rankings.Export.PublishedRank")] = line?.Rank,
                [L("Rankings.Export.PublishedScore")] = line?.Score,
            };
        }).ToList();
        return new ExportTable($"evaluations-{period.Year:D4}-{period.Month:D2}", Header(), rows);
    }

    public IReadOnlyList<string> Header() =>
        [.. new[] { "Rankings.Export.Subject", "Rankings.Name", "Field.Site", "Field.Employer", "Rankings.Export.Assigned", "Rankings.Evaluations", "Rankings.Export.Scores",
            "Rankings.Export.MeanRaw", "Rankings.Export.PublishedRank", "Rankings.Export.PublishedScore" }.Select(L)];

    private string L(string key) => localizer[key];
}

/// <summary>An export's file name (without extension), column names in order, and rows keyed by column name.</summary>
public sealed record ExportTable(string FileName, IReadOnlyList<string> Header, IReadOnlyList<Dictionary<string, object?>> Rows);
