using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Web.Features.Evaluations.Cycle;
using TrainingLms.Web.Features.ShiftReviews;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.Evaluations.Scoring;

/// <summary>
/// The values of computed criteria for one target and its month, from what the system already records. A team target
/// counts its own members, reviews and inspections; a supervisor counts the teams they lead, or every team of their site when they
/// lead none by name (a site supervisor). Only what is already due counts: reviews whose deadline has passed (each
/// site's own time and the reviews' grace, as the oversight grid has it), assignments due up to today; in a past
/// month, the whole month.
/// </summary>
public sealed class ComputedCriteria(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, CompanyTimeZone companyZone, IOptions<ShiftReviewOptions> reviewOptions)
{
    private sealed record Window(DateOnly FirstDay, DateOnly LastDay, DateOnly LastDueDay, DateTime StartUtc, DateTime EndUtc);

    public async Task<IReadOnlyDictionary<CriterionSource, ComputedValue>> ForTargetAsync(
        EvaluationTarget target, EvaluationPeriod period, IEnumerable<CriterionSource> wanted, CancellationToken cancellationToken = default)
    {
        var sources = wanted.Where(s => s != CriterionSource.Scored).Distinct().ToList();
        var values = new Dictionary<CriterionSource, ComputedValue>();
        if (sources.Count == 0) return values;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var window = await WindowAsync(db, period, cancellationToken);
        var teamIds = await TeamsAsync(db, target, cancellationToken);
        var people = await db.Users.Where(p => p.IsActive && p.TeamId != null && teamIds.Contains(p.TeamId.Value)).Select(p => p.Id).ToListAsync(cancellationToken);

        foreach (var source in sources)
            values[source] = source switch
            {
                CriterionSource.ReviewFilingRate => await ReviewFilingAsync(db, teamIds, window, reviewOptions.Value.Grace, cancellationToken),
                CriterionSource.CourseCompletion => await CourseCompletionAsync(db, people, window, cancellationToken),
                CriterionSource.DrillPassRate => await DrillPassRateAsync(db, people, window, cancellationToken),
                CriterionSource.RequiredClipWatchedShare => await RequiredClipsAsync(db, people, window, cancellationToken),
                CriterionSource.InspectionPassRate => await InspectionPassRateAsync(db, teamIds, window, cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(wanted), source, null),
            };
        return values;
    }

    private async Task<Window> WindowAsync(LmsDbContext db, EvaluationPeriod period, CancellationToken cancellationToken)
    {
        var zone = await companyZone.GetAsync(cancellationToken);
        var today = SiteTime.Today(clock.GetUtcNow().UtcDateTime, zone);
        var lastDue = period.LastDay < today ? period.LastDay : today;
        return new Window(period.FirstDay, period.LastDay, lastDue,
            SiteTime.ToUtc(period.FirstDay.ToDateTime(TimeOnly.MinValue), zone),
            SiteTime.EndOfDayUtc(period.LastDay, zone));
    }

    private static async Task<List<int>> TeamsAsync(LmsDbContext db, EvaluationTarget target, CancellationToken cancellationToken)
    {
        if (target.TeamId is { } teamId) return [teamId];
        var led = await db.Teams.Where(t => t.IsActive && t.ClassLeaderId == target.PersonId).Select(t => t.Id).ToListAsync(cancellationToken);
        return led.Count > 0 ? led : await db.Teams.Where(t => t.IsActive && t.SiteId == target.SiteId).Select(t => t.Id).ToListAsync(cancellationToken);
    }

    private async Task<ComputedValue> ReviewFilingAsync(LmsDbContext db, List<int> teamIds, Window window, TimeSpan grace, CancellationToken cancellationToken)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).Select(t => new { t.Id, t.Shifts, t.Site!.TimeZoneId }).ToListAsync(cancellationToken);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var due = new HashSet<(int TeamId, DateOnly Date, string Key)>();
        foreach (var team in teams)
        {
            var localNow = SiteTime.ToLocal(nowUtc, team.TimeZoneId);
            for (var day = window.FirstDay; day <= window.LastDay; day = day.AddDays(1))
                foreach (var slot in ShiftCalendar.SlotsOn(team.Shifts, day).Where(s => ShiftCalendar.DeadlineOf(team.Shifts, s, grace) <= localNow))
                    due.Add((team.Id, slot.Date, slot.Key));
        }
        var filed = await db.ShiftReviews.Where(r => teamIds.Contains(r.TeamId) && r.ShiftDate >= window.FirstDay && r.ShiftDate <= window.LastDay)
            .Select(r => new { r.TeamId, r.ShiftDate, r.ShiftKey }).ToListAsync(cancellationToken);
        return new(CriterionSource.ReviewFilingRate, filed.Count(r => due.Contains((r.TeamId, r.ShiftDate, r.ShiftKey))), due.Count);
    }

    private static async Task<ComputedValue> CourseCompletionAsync(LmsDbContext db, List<string> people, Window window, CancellationToken cancellationToken)
    {
        var due = db.CourseAssignments.Where(a => people.Contains(a.PersonId) && a.DueOn >= window.FirstDay && a.DueOn <= window.LastDueDay);
        var completed = await due.CountAsync(a => db.CourseCompletions.Any(c => c.PersonId == a.PersonId && c.CourseId == a.CourseId && c.CompletedAtUtc < window.EndUtc), cancellationToken);
        return new(CriterionSource.CourseCompletion, completed, await due.CountAsync(cancellationToken));
    }

    private static async Task<ComputedValue> DrillPassRateAsync(LmsDbContext db, List<string> people, Window window, CancellationToken cancellationToken)
    {
        var signed = db.DrillAttempts.Where(a => people.Contains(a.CandidateId) && a.AnnulledAtUtc == null
            && a.SignedAtUtc >= window.StartUtc && a.SignedAtUtc < window.EndUtc);
        return new(CriterionSource.DrillPassRate, await signed.CountAsync(a => a.Passed == true, cancellationToken), await signed.CountAsync(cancellationToken));
    }

    /// <summary>
    /// The items judged in the month's inspections of the teams (OK or not OK; "not seen" is no judgement) and how many
    /// were OK: the pass rate the inspection oversight shows (<see cref="InspectionTally"/>).
    /// </summary>
    private static async Task<ComputedValue> InspectionPassRateAsync(LmsDbContext db, List<int> teamIds, Window window, CancellationToken cancellationToken)
    {
        var results = await db.Inspections.Where(i => teamIds.Contains(i.TeamId) && i.InspectedAtUtc >= window.StartUtc && i.InspectedAtUtc < window.EndUtc)
            .Select(i => i.Results).ToListAsync(cancellationToken);
        var (ok, notOk) = InspectionTally.Judged(results.SelectMany(r => r));
        return new(CriterionSource.InspectionPassRate, ok, ok + notOk);
    }

    /// <summary>Each person's assigned courses' required clips (those ready to watch), and how many they had watched to the required share.</summary>
    private static async Task<ComputedValue> RequiredClipsAsync(LmsDbContext db, List<string> people, Window window, CancellationToken cancellationToken)
    {
        var assigned = await db.CourseAssignments.Where(a => people.Contains(a.PersonId) && a.AssignedAtUtc < window.EndUtc)
            .Select(a => new { a.PersonId, a.CourseId }).Distinct().ToListAsync(cancellationToken);
        var courseIds = assigned.Select(a => a.CourseId).Distinct().ToList();
        var lessons = await db.Courses.Where(c => courseIds.Contains(c.Id))
            .Join(db.LessonRevisions, c => c.CurrentRevisionId, l => l.CourseRevisionId, (c, l) => new { CourseId = c.Id, l.RequiredClips })
            .ToListAsync(cancellationToken);
        var slugsByCourse = lessons.ToLookup(l => l.CourseId, l => l.RequiredClips);
        var slugs = lessons.SelectMany(l => l.RequiredClips).Distinct().ToList();
        // A clip that someone filmed in it has not agreed to show is nobody's to watch, so nobody's to count (ClipAccess).
        var clips = await db.Clips.Where(c => slugs.Contains(c.Slug) && c.Status == ClipStatus.Ready && c.FeaturedPeople.All(f => f.Consent == FilmingConsent.Given))
            .ToDictionaryAsync(c => c.Slug, c => c.Id, cancellationToken);
        var required = assigned
            .SelectMany(a => slugsByCourse[a.CourseId].SelectMany(s => s).Where(clips.ContainsKey).Select(slug => (a.PersonId, ClipId: clips[slug])))
            .ToHashSet();
        var clipIds = clips.Values.ToList();
        var watched = (await db.ClipViews.Where(v => people.Contains(v.PersonId) && clipIds.Contains(v.ClipId) && v.ReachedRequiredShareAtUtc < window.EndUtc)
            .Select(v => new { v.PersonId, v.ClipId }).ToListAsync(cancellationToken)).Select(v => (v.PersonId, v.ClipId));
        return new(CriterionSource.RequiredClipWatchedShare, required.Count(watched.ToHashSet().Contains), required.Count);
    }
}
