using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.FootageSessions;

namespace TrainingLms.Web.Features.FootageSessions;

public enum FootageOutcome
{
    Done = 1,
    /// <summary>The same submission again (a retry, a double tap): answered with the session it made.</summary>
    AlreadyRecorded = 2,
    /// <summary>The form's key already made a session that says something else: an old form reopened and typed over.</summary>
    KeyReused = 3,
    Invalid = 4,
    Forbidden = 5,
    NotFound = 6,
    /// <summary>Someone else moved the correction on first (done, verified or reopened it): nothing changed.</summary>
    Moved = 7,
}

/// <summary>Records a footage session with a team: a trainer or administrator for any team, a manager for their own site's; once per submission.</summary>
public sealed class FootageRecorder(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<FootageTeam>> TeamsAsync(FootageViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (await FootageScope.RecordableTeamsAsync(db, viewer, cancellationToken)).OrderBy(t => t.Site!.Name).ThenBy(t => t.Name)
            .Select(t => new FootageTeam(t.Id, t.Name, t.SiteId, t.Site!.Name, t.ClassLeaderId, t.Site.TimeZoneId)).ToListAsync(cancellationToken);
    }

    public async Task<(FootageOutcome Status, FootageForm? Form)> PrepareAsync(FootageViewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FootageFormData.TeamAsync(db, teamId, cancellationToken) is not { } team) return (FootageOutcome.NotFound, null);
        if (!FootageRules.MayRecord(await FootageScope.ActorAsync(db, viewer, team.SiteId, cancellationToken))) return (FootageOutcome.Forbidden, null);
        return (FootageOutcome.Done, await FootageFormData.FormAsync(db, team, viewer.PersonId, clock.GetUtcNow().UtcDateTime, cancellationToken));
    }

    public async Task<Outcome<FootageOutcome>> RecordAsync(FootageViewer viewer, int teamId, FootageInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FootageFormData.TeamAsync(db, teamId, cancellationToken) is not { } team) return Outcome.Of(FootageOutcome.NotFound);
        if (!FootageRules.MayRecord(await FootageScope.ActorAsync(db, viewer, team.SiteId, cancellationToken))) return Outcome.Of(FootageOutcome.Forbidden);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var form = await FootageFormData.FormAsync(db, team, viewer.PersonId, nowUtc, cancellationToken);

        if (await AnswerForKnownKeyAsync(db, team.Id, input, cancellationToken) is { } known) return known;
        var errors = input.Validate(form);
        if (errors.Count > 0) return Outcome.Refused(FootageOutcome.Invalid, errors);

        var session = new FootageSession
        {
            SiteId = team.SiteId, TeamId = team.Id, ClipId = input.ClipId!.Value, HeldOn = input.HeldOn!.Value, RecordedById = viewer.PersonId,
            RecordedAtUtc = nowUtc, SubmissionKey = input.SubmissionKey,
            Attendees = [.. input.Attendees.Select(id => new FootageAttendee { PersonId = id })],
            Faults = [.. input.Named.Select((fault, order) => new FootageFault
            {
                SiteId = team.SiteId, TeamId = team.Id, Order = order, MomentSeconds = fault.Moment!.Value,
                Description = FollowUp.Clean(fault.Description), Causes = FollowUp.Clean(fault.Causes), Correction = FollowUp.Clean(fault.Correction),
                OwnerId = fault.OwnerId, OpenedAtUtc = nowUtc, DueAtUtc = FootageFormData.DueAtUtc(fault.DueOn!.Value, team.TimeZoneId),
            })],
        };
        db.FootageSessions.Add(session);
        if (await UniqueIndex.SaveOnceAsync(db, cancellationToken)) return Outcome.Of(FootageOutcome.Done, session.Id);
        // Another request of the same submission won the race: answer with its session.
        return await AnswerForKnownKeyAsync(db, team.Id, input, cancellationToken)
            ?? throw new InvalidOperationException("A unique index refused the footage session but no session holds its submission key.");
    }

    /// <summary>
    /// A post whose submission key made a session already: the same submission (answered with that session) only when it
    /// says the same; anything else is refused rather than dropped, so the form comes back as typed.
    /// </summary>
    private static async Task<Outcome<FootageOutcome>?> AnswerForKnownKeyAsync(LmsDbContext db, int teamId, FootageInput input, CancellationToken cancellationToken)
    {
        if (input.SubmissionKey == Guid.Empty) return null;
        var made = await db.FootageSessions.AsNoTracking().Include(s => s.Attendees).Include(s => s.Faults)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.SubmissionKey == input.SubmissionKey, cancellationToken);
        if (made is null) return null;
        return Outcome.Of(made.TeamId == teamId && FootageFormData.SameAs(made, input) ? FootageOutcome.AlreadyRecorded : FootageOutcome.KeyReused, made.Id);
    }
}
