using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.Evaluations.Cycle;

public enum PeriodChange
{
    Opened = 1,
    AlreadyOpen = 2,
    Closed = 3,
    AlreadyClosed = 4,
    NotFound = 5,
    Forbidden = 6,
    /// <summary>A month too far ahead (more than the next one) or before the system kept records.</summary>
    OutOfRange = 7,
}

public sealed record PeriodResult(PeriodChange Change, int? PeriodId = null);

/// <summary>
/// Opens and closes the monthly periods. Opening lists, with the forms in force, every active foreman or supervisor
/// (Manager or ClassLeader with a site) and every active team of an active site, each with its evaluators: every
/// active trainer and the active managers of the same site, never the person evaluated.
/// </summary>
public sealed class EvaluationPeriods(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, CompanyTimeZone companyZone, IOptions<EvaluationCycleOptions> options)
{
    private sealed record Candidate(string Id, string FullName, int? SiteId, string? SiteName, IReadOnlyList<string> Roles);

    /// <summary>The month it is now in the company's time zone.</summary>
    public async Task<(int Year, int Month)> CurrentMonthAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, await companyZone.GetAsync(cancellationToken));
        return (today.Year, today.Month);
    }

    public async Task<PeriodResult> OpenCurrentAsync(CancellationToken cancellationToken = default)
    {
        var (year, month) = await CurrentMonthAsync(cancellationToken);
        return await OpenAsync(year, month, cancellationToken);
    }

    /// <summary>An administrator opening a month by hand: this month, the next or a past one not yet opened.</summary>
    public async Task<PeriodResult> OpenAsync(EvaluationViewer viewer, int year, int month, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsAdmin) return new(PeriodChange.Forbidden);
        var (currentYear, currentMonth) = await CurrentMonthAsync(cancellationToken);
        var next = new DateOnly(currentYear, currentMonth, 1).AddMonths(1);
        if (month is < 1 or > 12 || year < 2000 || new DateOnly(year, month, 1) > next) return new(PeriodChange.OutOfRange);
        return await OpenAsync(year, month, cancellationToken);
    }

    /// <summary>Opens the month once; opening it again changes nothing and answers with the period already there.</summary>
    public async Task<PeriodResult> OpenAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ExistingAsync(db, year, month, cancellationToken) is { } existing) return new(PeriodChange.AlreadyOpen, existing);

        var period = new EvaluationPeriod
        {
            Year = year,
            Month = month,
            OpenedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        period.Deadline = period.LastDay.AddDays(options.Value.DeadlineDays);
        var forms = await CurrentFormsAsync(db, cancellationToken);
        var people = await CandidatesAsync(db, cancellationToken);
        var evaluators = people.Where(p => p.Roles.Contains(Roles.Trainer) || (p.Roles.Contains(Roles.Manager) && p.SiteId is not null)).ToList();
        List<EvaluatorAssignment> EvaluatorsFor(int siteId, string? personId) =>
            [.. evaluators.Where(e => e.Id != personId && (e.Roles.Contains(Roles.Trainer) || (e.Roles.Contains(Roles.Manager) && e.SiteId == siteId)))
                .OrderBy(e => e.FullName, StringComparer.Ordinal)
                .Select(e => new EvaluatorAssignment { EvaluatorId = e.Id, EvaluatorName = e.FullName })];

        if (forms.GetValueOrDefault(EvaluationSubject.Supervisor) is { } supervisorForm)
            foreach (var person in people.Where(p => p.SiteId is not null && (p.Roles.Contains(Roles.Manager) || p.Roles.Contains(Roles.ClassLeader))))
                period.Targets.Add(new EvaluationTarget
                {
                    FormRevisionId = supervisorForm,
                    Subject = EvaluationSubject.Supervisor,
                    PersonId = person.Id,
                    SiteId = person.SiteId!.Value,
                    SubjectName = person.FullName,
                    SiteName = person.SiteName!,
                    Evaluators = EvaluatorsFor(person.SiteId.Value, person.Id),
                });

        if (forms.GetValueOrDefault(EvaluationSubject.Team) is { } teamForm)
            foreach (var team in await db.Teams.AsNoTracking().Where(t => t.IsActive && t.Site!.IsActive)
                         .Select(t => new { t.Id, t.Name, t.SiteId, SiteName = t.Site!.Name }).ToListAsync(cancellationToken))
                period.Targets.Add(new EvaluationTarget
                {
                    FormRevisionId = teamForm,
                    Subject = EvaluationSubject.Team,
                    TeamId = team.Id,
                    SiteId = team.SiteId,
                    SubjectName = team.Name,
                    SiteName = team.SiteName,
                    Evaluators = EvaluatorsFor(team.SiteId, null),
                });

        db.EvaluationPeriods.Add(period);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Start-up, the hourly check and an administrator may open the same month at once: one wins.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await ExistingAsync(fresh, year, month, cancellationToken) is { } raced) return new(PeriodChange.AlreadyOpen, raced);
            throw;
        }
        return new(PeriodChange.Opened, period.Id);
    }

    public async Task<PeriodResult> CloseAsync(EvaluationViewer viewer, int periodId, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsAdmin) return new(PeriodChange.Forbidden);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var closed = await db.EvaluationPeriods.Where(p => p.Id == periodId && p.ClosedAtUtc == null).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.ClosedAtUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(p => p.ClosedById, viewer.PersonId), cancellationToken);
        if (closed == 1) return new(PeriodChange.Closed, periodId);
        return await db.EvaluationPeriods.AnyAsync(p => p.Id == periodId, cancellationToken)
            ? new(PeriodChange.AlreadyClosed, periodId) : new(PeriodChange.NotFound);
    }

    private static Task<int?> ExistingAsync(LmsDbContext db, int year, int month, CancellationToken cancellationToken) =>
        db.EvaluationPeriods.Where(p => p.Year == year && p.Month == month).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The current revision of each subject's live form (the first by slug should two forms share a subject).</summary>
    private static async Task<Dictionary<EvaluationSubject, int>> CurrentFormsAsync(LmsDbContext db, CancellationToken cancellationToken)
    {
        var revisions = await (from revision in db.EvaluationFormRevisions
                               join form in db.EvaluationForms on revision.FormId equals form.Id
                               where form.IsActive && revision.Number == db.EvaluationFormRevisions.Where(r => r.FormId == form.Id).Max(r => r.Number)
                               orderby form.Slug
                               select new { revision.Id, revision.Subject }).ToListAsync(cancellationToken);
        return revisions.GroupBy(r => r.Subject).ToDictionary(g => g.Key, g => g.First().Id);
    }

    private static async Task<List<Candidate>> CandidatesAsync(LmsDbContext db, CancellationToken cancellationToken)
    {
        string[] wanted = [Roles.Manager, Roles.ClassLeader, Roles.Trainer];
        var links = await db.UserRoles.Join(db.Roles, link => link.RoleId, role => role.Id, (link, role) => new { link.UserId, role.Name })
            .Where(l => wanted.Contains(l.Name)).ToListAsync(cancellationToken);
        var ids = links.Select(l => l.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(p => p.IsActive && ids.Contains(p.Id))
            .Select(p => new { p.Id, p.FullName, p.SiteId, SiteName = p.Site == null ? null : p.Site.Name }).ToListAsync(cancellationToken);
        var roles = links.ToLookup(l => l.UserId, l => l.Name!);
        return [.. people.OrderBy(p => p.SiteName, StringComparer.Ordinal).ThenBy(p => p.FullName, StringComparer.Ordinal)
            .Select(p => new Candidate(p.Id, p.FullName, p.SiteId, p.SiteName, [.. roles[p.Id]]))];
    }
}
