using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Web.Features.ShiftReviews;

/// <summary>One person's praise and corrections in one month, by etiquette point: input for the monthly evaluation.</summary>
public sealed record PersonMonth(
    string PersonId, string FullName, string? TeamName, DateOnly Month, int Praise, int Corrections,
    IReadOnlyList<PointCount> PraiseByPoint, IReadOnlyList<PointCount> CorrectionsByPoint, IReadOnlyList<MyNote> Notes);

/// <summary>Monthly summaries of the notes class leaders addressed to people, by etiquette point.</summary>
public sealed class MonthlyNoteSummary(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<(FilingStatus Status, PersonMonth? Summary)> ForPersonAsync(ReviewViewer viewer, string personId, DateOnly? month, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.Users.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Id, p.FullName, p.TeamId, Team = p.Team!.Name, Zone = p.Site == null ? null : p.Site.TimeZoneId }).SingleOrDefaultAsync(cancellationToken);
        if (person is null) return (FilingStatus.NotFound, null);

        // The person and administrators see every note. Anyone else sees the notes written in the teams they oversee,
        // judged by the team each note was written in: after a transfer the old leader keeps the old notes and the new
        // one sees only the new. Someone who oversees neither the person's team nor any team that wrote to them is refused.
        IReadOnlyCollection<int>? teams = null;
        if (person.Id != viewer.PersonId && !viewer.IsAdmin)
        {
            var visible = await (await ReviewScope.VisibleTeamsAsync(db, viewer, cancellationToken)).Select(t => t.Id).ToListAsync(cancellationToken);
            teams = visible;
            var related = (person.TeamId is { } teamId && visible.Contains(teamId))
                || await db.ShiftReviewNotes.AnyAsync(n => n.PersonId == personId && visible.Contains(n.TeamId), cancellationToken);
            if (!related) return (FilingStatus.Forbidden, null);
        }

        var first = FirstOfMonth(month ?? SiteTime.Today(clock.GetUtcNow().UtcDateTime, person.Zone));
        var summaries = await ForMonthAsync(db, [personId], first, cancellationToken, teams);
        var (praise, corrections) = summaries.GetValueOrDefault(personId, ([], []));
        var notes = await db.ShiftReviewNotes.AsNoTracking()
            .Where(n => n.PersonId == personId && n.ShiftDate >= first && n.ShiftDate < first.AddMonths(1) && (teams == null || teams.Contains(n.TeamId)))
            .OrderBy(n => n.ShiftDate).ThenBy(n => n.Id)
            .Select(n => new MyNote(n.Id, n.Kind, n.Points, n.Text, n.ShiftDate, "", n.AcknowledgedAtUtc))
            .ToListAsync(cancellationToken);
        return (FilingStatus.Filed, new PersonMonth(person.Id, person.FullName, person.Team, first,
            notes.Count(n => n.Kind == NoteKind.Praise), notes.Count(n => n.Kind == NoteKind.Correction), praise, corrections, notes));
    }

    /// <summary>
    /// Praise and corrections by point for many people at once (one grouped query on the (PersonId, ShiftDate) index),
    /// as the monthly evaluation will need it for a whole site.
    /// </summary>
    /// <param name="teamIds">Only notes written in these teams; null for all.</param>
    public static async Task<Dictionary<string, (IReadOnlyList<PointCount> Praise, IReadOnlyList<PointCount> Corrections)>> ForMonthAsync(
        LmsDbContext db, IReadOnlyCollection<string> personIds, DateOnly month, CancellationToken cancellationToken = default, IReadOnlyCollection<int>? teamIds = null)
    {
        var first = FirstOfMonth(month);
        var groups = await db.ShiftReviewNotes.AsNoTracking()
            .Where(n => personIds.Contains(n.PersonId) && n.ShiftDate >= first && n.ShiftDate < first.AddMonths(1) && (teamIds == null || teamIds.Contains(n.TeamId)))
            .GroupBy(n => new { n.PersonId, n.Kind, n.Points })
            .Select(g => new { g.Key.PersonId, g.Key.Kind, g.Key.Points, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return groups.GroupBy(g => g.PersonId).ToDictionary(
            person => person.Key,
            person => (TagTally.Count(person.Where(g => g.Kind == NoteKind.Praise).Select(g => (g.Points, g.Count))),
                       TagTally.Count(person.Where(g => g.Kind == NoteKind.Correction).Select(g => (g.Points, g.Count)))));
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
