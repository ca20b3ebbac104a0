using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Web.Features.ShiftReviews;

public enum FilingStatus
{
    Filed = 1,
    /// <summary>The shift already has a review (a retry, a double tap or a second device); its id is returned.</summary>
    AlreadyFiled = 2,
    Saved = 3,
    Amended = 4,
    Invalid = 5,
    Forbidden = 6,
    NotFound = 7,
    Unchanged = 8,
    /// <summary>
    /// The form's submission key already filed a review, but this post differs from it (another shift or date, other
    /// words): an old draft reopened and typed over. Nothing is saved; the form comes back as typed, with a fresh key.
    /// </summary>
    KeyReused = 9,
}

public sealed record RosterEntry(string PersonId, string FullName, string EmployeeNumber);

/// <summary>What the form for one team needs: its shifts, the slot to review now, and the roster.</summary>
public sealed record ReviewFormModel(
    int TeamId, string TeamName, string SiteName, IReadOnlyList<TeamShift> Shifts, ShiftSlot Current, DateOnly Today, DateOnly Earliest,
    IReadOnlyList<RosterEntry> Roster, int? CurrentReviewId);

/// <summary>Files and changes reviews: only a team's class leader, one review per team and shift.</summary>
public sealed class ReviewFiling(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, IOptions<ShiftReviewOptions> options)
{
    private sealed record TeamFacts(int Id, string Name, string SiteName, string? ClassLeaderId, List<TeamShift> Shifts, string TimeZoneId);

    public async Task<(FilingStatus Status, ReviewFormModel? Form)> PrepareAsync(string leaderId, int teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FindTeamAsync(db, teamId, cancellationToken) is not { } team) return (FilingStatus.NotFound, null);
        if (team.ClassLeaderId != leaderId) return (FilingStatus.Forbidden, null);
        var localNow = SiteTime.ToLocal(clock.GetUtcNow().UtcDateTime, team.TimeZoneId);
        var current = ShiftCalendar.Current(team.Shifts, localNow);
        var currentId = await db.ShiftReviews.Where(r => r.TeamId == teamId && r.ShiftDate == current.Date && r.ShiftKey == current.Key)
            .Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
        var today = DateOnly.FromDateTime(localNow);
        return (FilingStatus.Filed, new ReviewFormModel(team.Id, team.Name, team.SiteName, team.Shifts, current, today,
            today.AddDays(-options.Value.FileBackDays), await RosterAsync(db, teamId, cancellationToken), currentId));
    }

    public async Task<Outcome<FilingStatus>> FileAsync(string leaderId, int teamId, ReviewInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FindTeamAsync(db, teamId, cancellationToken) is not { } team) return Outcome.Of(FilingStatus.NotFound);
        if (team.ClassLeaderId != leaderId) return Outcome.Of(FilingStatus.Forbidden);

        var roster = await RosterAsync(db, teamId, cancellationToken);
        var key = ShiftCalendar.IsDaily(team.Shifts) ? ShiftCalendar.DailyKey : input.ShiftKey ?? "";

        // The same submission again (a retry after a lost answer) is answered with what it created the first time.
        if (await AnswerForKnownKeyAsync(db, teamId, input, key, roster, cancellationToken) is { } known) return known;

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var localNow = SiteTime.ToLocal(nowUtc, team.TimeZoneId);
        var errors = input.Validate(roster.Select(r => r.PersonId).ToHashSet(), requireReason: false);
        if (input.SubmissionKey == Guid.Empty) errors[""] = "ShiftReviews.Validation.Expired";
        var today = DateOnly.FromDateTime(localNow);
        if (input.ShiftDate is not { } date) errors["shiftDate"] = "ShiftReviews.Validation.Date";
        else if (date > today || date < today.AddDays(-options.Value.FileBackDays)) errors["shiftDate"] = "ShiftReviews.Validation.DateRange";
        if (!ShiftCalendar.IsKnownKey(team.Shifts, key)) errors["shiftKey"] = "ShiftReviews.Validation.Shift";
        else if (input.ShiftDate is { } day && day <= today && ReviewTiming.IsInFuture(team.Shifts, new ShiftSlot(day, key), localNow))
            errors["shiftKey"] = "ShiftReviews.Validation.NotStarted";
        if (errors.Count > 0) return Outcome.Refused(FilingStatus.Invalid, errors);

        var slot = new ShiftSlot(input.ShiftDate!.Value, key);
        if (await FindAsync(db, r => r.TeamId == teamId && r.ShiftDate == slot.Date && r.ShiftKey == slot.Key, cancellationToken) is { } existing)
            return new(FilingStatus.AlreadyFiled, existing.Id);

        var review = new ShiftReview
        {
            TeamId = teamId,
            ShiftDate = slot.Date,
            ShiftKey = slot.Key,
            SubmissionKey = input.SubmissionKey,
            FiledById = leaderId,
            FiledAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            FiledLate = ReviewTiming.IsLate(localNow, ShiftCalendar.DeadlineOf(team.Shifts, slot, options.Value.Grace)),
            RosterSize = roster.Count,
        };
        review.Apply(Cleaned(input.Content, roster));
        review.Notes.AddRange(NewNotes(input, review, nowUtc));
        db.ShiftReviews.Add(review);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new(FilingStatus.Filed, review.Id);
        }
        catch (DbUpdateException e) when (UniqueIndex.IsViolation(e))
        {
            // Another request for the same submission (judged as a retry) or the same shift won the race: answer with its review.
            db.ChangeTracker.Clear();
            if (await AnswerForKnownKeyAsync(db, teamId, input, key, roster, cancellationToken) is { } retried) return retried;
            var winner = await FindAsync(db, r => r.TeamId == teamId && r.ShiftDate == slot.Date && r.ShiftKey == slot.Key, cancellationToken);
            return winner is null ? throw new InvalidOperationException("A unique index refused the review but no review holds its place.", e)
                : new(FilingStatus.AlreadyFiled, winner.Id);
        }
    }

    /// <summary>
    /// A post whose submission key has filed a review already. It is a retry (answered with that review) only when it is
    /// the same submission: same team, shift and date, the same words, tags, absences and notes. Anything else is an old
    /// draft typed over, and is refused rather than dropped: "already filed" would make the browser forget what was typed.
    /// </summary>
    private static async Task<Outcome<FilingStatus>?> AnswerForKnownKeyAsync(
        LmsDbContext db, int teamId, ReviewInput input, string shiftKey, IReadOnlyList<RosterEntry> roster, CancellationToken cancellationToken)
    {
        var filed = await db.ShiftReviews.AsNoTracking().Include(r => r.Notes)
            .FirstOrDefaultAsync(r => r.SubmissionKey == input.SubmissionKey, cancellationToken);
        if (filed is null) return null;
        if (filed.TeamId != teamId) return Outcome.Of(FilingStatus.Forbidden);
        var sameSlot = filed.ShiftDate == input.ShiftDate && filed.ShiftKey == shiftKey;
        var sameNotes = NoteKeys(filed.Notes.Where(n => n.CreatedAtUtc == filed.FiledAtUtc))
            .SequenceEqual(NoteKeys(NewNotes(input, filed, filed.FiledAtUtc)));
        return sameSlot && sameNotes && Cleaned(input.Content, roster).SameAs(filed.Content)
            ? new(FilingStatus.AlreadyFiled, filed.Id)
            : new(FilingStatus.KeyReused, filed.Id);

        static IEnumerable<string> NoteKeys(IEnumerable<ShiftReviewNote> notes) =>
            notes.Select(n => $"{n.PersonId}|{n.Kind}|{(int)n.Points}|{n.Text}").Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// The leader's change to a review: in place on the site-local day it was filed; after that an amendment with a
    /// reason that keeps what the review said before. Notes already sent stay; new ones are added.
    /// </summary>
    public async Task<Outcome<FilingStatus>> EditAsync(string leaderId, int reviewId, ReviewInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await db.ShiftReviews.SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null || await FindTeamAsync(db, review.TeamId, cancellationToken) is not { } team) return Outcome.Of(FilingStatus.NotFound);
        if (team.ClassLeaderId != leaderId) return Outcome.Of(FilingStatus.Forbidden);

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var inPlace = ReviewTiming.EditsInPlace(SiteTime.ToLocal(review.FiledAtUtc, team.TimeZoneId), SiteTime.ToLocal(nowUtc, team.TimeZoneId));
        var roster = await RosterAsync(db, review.TeamId, cancellationToken);
        var errors = input.Validate(roster.Select(r => r.PersonId).ToHashSet(), requireReason: !inPlace);
        if (errors.Count > 0) return Outcome.Refused(FilingStatus.Invalid, errors);

        var content = Cleaned(input.Content, roster, review.AbsentPersonIds);
        var notes = NewNotes(input, review, nowUtc).ToList();
        if (content.SameAs(review.Content) && notes.Count == 0) return new(FilingStatus.Unchanged, review.Id);
        if (!inPlace)
            db.ShiftReviewAmendments.Add(new ShiftReviewAmendment { ReviewId = review.Id, AmendedById = leaderId, AmendedAtUtc = nowUtc, Reason = input.Reason, Before = review.Content });
        review.Apply(content);
        review.UpdatedAtUtc = nowUtc;
        db.ShiftReviewNotes.AddRange(notes);
        await db.SaveChangesAsync(cancellationToken);
        return new(inPlace ? FilingStatus.Saved : FilingStatus.Amended, review.Id);
    }

    /// <summary>Absences only of people on the roster (or already recorded, for someone who has since left the team).</summary>
    private static ReviewContent Cleaned(ReviewContent content, IReadOnlyList<RosterEntry> roster, IReadOnlyList<string>? recorded = null) =>
        content with
        {
            WentWellPoints = EtiquettePoints.Clean(content.WentWellPoints),
            FellShortPoints = EtiquettePoints.Clean(content.FellShortPoints),
            AbsentPersonIds = [.. content.AbsentPersonIds.Where(id => roster.Any(r => r.PersonId == id) || (recorded?.Contains(id) ?? false))],
        };

    private static IEnumerable<ShiftReviewNote> NewNotes(ReviewInput input, ShiftReview review, DateTime nowUtc) =>
        input.Notes.Where(n => !n.IsBlank).Select(n => new ShiftReviewNote
        {
            ReviewId = review.Id,
            PersonId = n.PersonId!,
            ShiftDate = review.ShiftDate,
            TeamId = review.TeamId,
            Kind = n.Kind,
            Points = EtiquettePoints.Clean(n.Points),
            Text = n.Text,
            CreatedAtUtc = nowUtc,
        });

    private static Task<TeamFacts?> FindTeamAsync(LmsDbContext db, int teamId, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().Where(t => t.Id == teamId && t.IsActive)
            .Select(t => new TeamFacts(t.Id, t.Name, t.Site!.Name, t.ClassLeaderId, t.Shifts, t.Site.TimeZoneId))
            .SingleOrDefaultAsync(cancellationToken);

    private sealed record ReviewRef(int Id, int TeamId);

    private static Task<ReviewRef?> FindAsync(LmsDbContext db, System.Linq.Expressions.Expression<Func<ShiftReview, bool>> where, CancellationToken cancellationToken) =>
        db.ShiftReviews.AsNoTracking().Where(where).Select(r => new ReviewRef(r.Id, r.TeamId)).FirstOrDefaultAsync(cancellationToken);

    internal static async Task<IReadOnlyList<RosterEntry>> RosterAsync(LmsDbContext db, int teamId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(p => p.TeamId == teamId && p.IsActive).OrderBy(p => p.UserName)
            .Select(p => new RosterEntry(p.Id, p.FullName, p.UserName!)).ToListAsync(cancellationToken);
}
