using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Web.Features.ShiftReviews;

public sealed record NoteView(int Id, string PersonId, string PersonName, NoteKind Kind, EtiquettePoint Points, string Text, DateTime CreatedAtUtc, DateTime? AcknowledgedAtUtc);

public sealed record AmendmentView(string AmendedBy, DateTime AmendedAtUtc, string Reason, ReviewContent Before);

public sealed record ReviewDetail(
    int Id, int TeamId, string TeamName, string SiteName, string TimeZoneId, ShiftSlot Slot, TeamShift? Shift, Guid SubmissionKey,
    string FiledBy, DateTime FiledAtUtc, DateTime UpdatedAtUtc, bool FiledLate, int RosterSize, ReviewContent Content,
    IReadOnlyDictionary<string, string> Names, IReadOnlyList<NoteView> Notes, IReadOnlyList<AmendmentView> Amendments,
    bool CanEdit, bool EditsInPlace, IReadOnlyList<RosterEntry> Roster);

public sealed record RecentReview(int Id, ShiftSlot Slot, bool FiledLate, EtiquettePoint WentWellPoints, EtiquettePoint FellShortPoints);

public sealed record LedTeam(int Id, string Name, string SiteName, ShiftSlot Current, int? CurrentReviewId, IReadOnlyList<RecentReview> Recent);

/// <summary>Reads reviews for the leader's list and the review page, within the viewer's scope.</summary>
public sealed class ReviewQueries(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    public const int RecentCount = 7;

    public async Task<IReadOnlyList<LedTeam>> LedTeamsAsync(string leaderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => t.ClassLeaderId == leaderId && t.IsActive).OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, Site = t.Site!.Name, t.Shifts, t.Site.TimeZoneId }).ToListAsync(cancellationToken);
        var result = new List<LedTeam>();
        foreach (var team in teams)
        {
            var current = ShiftCalendar.Current(team.Shifts, SiteTime.ToLocal(clock.GetUtcNow().UtcDateTime, team.TimeZoneId));
            var recent = await db.ShiftReviews.AsNoTracking().Where(r => r.TeamId == team.Id)
                .OrderByDescending(r => r.ShiftDate).ThenByDescending(r => r.Id).Take(RecentCount)
                .Select(r => new RecentReview(r.Id, new ShiftSlot(r.ShiftDate, r.ShiftKey), r.FiledLate, r.WentWellPoints, r.FellShortPoints))
                .ToListAsync(cancellationToken);
            var currentId = await db.ShiftReviews.Where(r => r.TeamId == team.Id && r.ShiftDate == current.Date && r.ShiftKey == current.Key)
                .Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            result.Add(new LedTeam(team.Id, team.Name, team.Site, current, currentId, recent));
        }
        return result;
    }

    /// <returns>Null when there is no such review; <see cref="FilingStatus.Forbidden"/> when it is outside the viewer's scope.</returns>
    public async Task<(FilingStatus Status, ReviewDetail? Detail)> DetailAsync(ReviewViewer viewer, int reviewId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await db.ShiftReviews.AsNoTracking().Include(r => r.Notes).Include(r => r.Amendments)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null) return (FilingStatus.NotFound, null);
        if (!await ReviewScope.CanReadTeamAsync(db, viewer, review.TeamId, cancellationToken)) return (FilingStatus.Forbidden, null);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == review.TeamId)
            .Select(t => new { t.Name, Site = t.Site!.Name, t.Site.TimeZoneId, t.Shifts, t.ClassLeaderId }).SingleAsync(cancellationToken);

        var personIds = review.AbsentPersonIds.Concat(review.Notes.Select(n => n.PersonId)).Concat(review.Amendments.Select(a => a.AmendedById))
            .Concat(review.Amendments.SelectMany(a => a.Before.AbsentPersonIds)).Append(review.FiledById).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var canEdit = team.ClassLeaderId == viewer.PersonId;
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        return (FilingStatus.Filed, new ReviewDetail(
            review.Id, review.TeamId, team.Name, team.Site, team.TimeZoneId, new ShiftSlot(review.ShiftDate, review.ShiftKey),
            team.Shifts.FirstOrDefault(s => s.Key == review.ShiftKey), review.SubmissionKey,
            names.GetValueOrDefault(review.FiledById, ""), review.FiledAtUtc, review.UpdatedAtUtc, review.FiledLate, review.RosterSize, review.Content, names,
            [.. review.Notes.OrderBy(n => n.Id).Select(n => new NoteView(n.Id, n.PersonId, names.GetValueOrDefault(n.PersonId, ""), n.Kind, n.Points, n.Text, n.CreatedAtUtc, n.AcknowledgedAtUtc))],
            [.. review.Amendments.OrderByDescending(a => a.AmendedAtUtc).Select(a => new AmendmentView(names.GetValueOrDefault(a.AmendedById, ""), a.AmendedAtUtc, a.Reason, a.Before))],
            canEdit,
            ReviewTiming.EditsInPlace(SiteTime.ToLocal(review.FiledAtUtc, team.TimeZoneId), SiteTime.ToLocal(nowUtc, team.TimeZoneId)),
            canEdit ? await ReviewFiling.RosterAsync(db, review.TeamId, cancellationToken) : []));
    }
}
