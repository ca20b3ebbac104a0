using TrainingLms.Domain.TrainingRecords;

namespace TrainingLms.Web.Features.TrainingRecords;

public enum TrainingOutcome
{
    Recorded = 1,
    /// <summary>The same submission again (a retry, a double tap): answered with the record it made.</summary>
    AlreadyRecorded = 2,
    /// <summary>The form's key already made a record that says something else: an old form reopened and typed over.</summary>
    KeyReused = 3,
    Invalid = 4,
    Forbidden = 5,
    NotFound = 6,
    Countersigned = 7,
    Returned = 8,
    Resubmitted = 9,
    /// <summary>The record has moved on meanwhile (countersigned or returned by someone else).</summary>
    WrongState = 10,
    /// <summary>The leader tried to countersign or return their own training.</summary>
    OwnRecord = 11,
}

/// <summary>Records a team's pre-job training: its class leader (or an administrator), once per submission; and corrects a returned one.</summary>
public sealed class TrainingRecorder(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<TeamChoice>> TeamsAsync(TrainingViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await TrainingScope.RecordableTeams(db, viewer).OrderBy(t => t.Site!.Name).ThenBy(t => t.Name)
            .Select(t => new TeamChoice(t.Id, t.Name, t.Site!.Name)).ToListAsync(cancellationToken);
    }

    public async Task<(TrainingOutcome Status, TrainingForm? Form)> PrepareAsync(TrainingViewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await TrainingFormData.TeamAsync(db, teamId, cancellationToken) is not { } team) return (TrainingOutcome.NotFound, null);
        if (!MayRecord(viewer, team)) return (TrainingOutcome.Forbidden, null);
        return (TrainingOutcome.Recorded, await TrainingFormData.FormAsync(db, team, viewer.PersonId, clock.GetUtcNow().UtcDateTime, cancellationToken));
    }

    /// <summary>The form for correcting a record of this team; the caller has checked the viewer may correct it.</summary>
    public async Task<(TrainingOutcome Status, TrainingForm? Form)> PrepareForRecordAsync(TrainingViewer viewer, int teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await TrainingFormData.TeamAsync(db, teamId, cancellationToken) is not { } team) return (TrainingOutcome.NotFound, null);
        return (TrainingOutcome.Recorded, await TrainingFormData.FormAsync(db, team, viewer.PersonId, clock.GetUtcNow().UtcDateTime, cancellationToken));
    }

    public async Task<Outcome<TrainingOutcome>> RecordAsync(TrainingViewer viewer, int teamId, TrainingInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await TrainingFormData.TeamAsync(db, teamId, cancellationToken) is not { } team) return Outcome.Of(TrainingOutcome.NotFound);
        if (!MayRecord(viewer, team)) return Outcome.Of(TrainingOutcome.Forbidden);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var form = await TrainingFormData.FormAsync(db, team, viewer.PersonId, nowUtc, cancellationToken);

        if (await AnswerForKnownKeyAsync(db, form, input, cancellationToken) is { } known) return known;
        var errors = TrainingFormData.Validate(form, input);
        if (errors.Count > 0) return Outcome.Refused(TrainingOutcome.Invalid, errors);

        var record = new TrainingRecord
        {
            TeamId = team.Id, ShiftKey = "", Topic = "", SubmissionKey = input.SubmissionKey,
            RecordedById = viewer.PersonId, RecordedAtUtc = nowUtc, UpdatedAtUtc = nowUtc,
        };
        TrainingFormData.Apply(record, form, input);
        record.Attendees.AddRange(input.Attendees.Select(id => new TrainingAttendee { PersonId = id, TrainedOn = record.TrainedOn }));
        record.Steps.Add(new TrainingRecordStep { Kind = TrainingStepKind.Submitted, ById = viewer.PersonId, AtUtc = nowUtc });
        db.TrainingRecords.Add(record);
        if (await UniqueIndex.SaveOnceAsync(db, cancellationToken)) return Outcome.Of(TrainingOutcome.Recorded, record.Id);
        // Another request of the same submission won the race: answer with its record.
        return await AnswerForKnownKeyAsync(db, form, input, cancellationToken)
            ?? throw new InvalidOperationException("A unique index refused the training record but no record holds its submission key.");
    }

    /// <summary>The class leader's correction of a returned record, which sends it for countersignature again.</summary>
    public async Task<Outcome<TrainingOutcome>> CorrectAsync(TrainingViewer viewer, int recordId, TrainingInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.TrainingRecords.Include(r => r.Attendees).SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null || await TrainingFormData.TeamAsync(db, record.TeamId, cancellationToken) is not { } team) return Outcome.Of(TrainingOutcome.NotFound);
        var actor = await TrainingScope.ActorAsync(db, viewer, team.SiteId, team.ClassLeaderId, cancellationToken);
        switch (TrainingRules.CanCorrect(record.Status, record.RecordedById, actor))
        {
            case TrainingVerdict.Forbidden: return Outcome.Of(TrainingOutcome.Forbidden);
            case TrainingVerdict.WrongState: return Outcome.Of(TrainingOutcome.WrongState, record.Id);
        }
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var form = await TrainingFormData.FormAsync(db, team, viewer.PersonId, nowUtc, cancellationToken);
        // The date may stay as it was recorded, even if it has since fallen out of the window for new records.
        var errors = TrainingFormData.Validate(form, input);
        if (input.TrainedOn == record.TrainedOn) errors.Remove("trainedOn");
        errors.Remove("");
        if (errors.Count > 0) return Outcome.Refused(TrainingOutcome.Invalid, errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only from Returned: a second tap, or a second device, finds it submitted already.
        var moved = await db.TrainingRecords.Where(r => r.Id == recordId && r.Status == TrainingRecordStatus.Returned)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, TrainingRecordStatus.Submitted).SetProperty(x => x.UpdatedAtUtc, nowUtc), cancellationToken);
        if (moved == 0) return Outcome.Of(TrainingOutcome.WrongState, record.Id);
        TrainingFormData.Apply(record, form, input);
        record.Status = TrainingRecordStatus.Submitted;
        record.UpdatedAtUtc = nowUtc;
        db.TrainingAttendees.RemoveRange(record.Attendees.Where(a => !input.Attendees.Contains(a.PersonId)));
        foreach (var attendee in record.Attendees) attendee.TrainedOn = record.TrainedOn;
        db.TrainingAttendees.AddRange(input.Attendees.Where(id => record.Attendees.All(a => a.PersonId != id))
            .Select(id => new TrainingAttendee { RecordId = record.Id, PersonId = id, TrainedOn = record.TrainedOn }));
        db.TrainingRecordSteps.Add(new TrainingRecordStep { RecordId = record.Id, Kind = TrainingStepKind.Resubmitted, ById = viewer.PersonId, AtUtc = nowUtc });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Of(TrainingOutcome.Resubmitted, record.Id);
    }

    private static bool MayRecord(TrainingViewer viewer, TrainingFormData.TeamFacts team) => viewer.IsAdmin || team.ClassLeaderId == viewer.PersonId;

    /// <summary>
    /// A post whose submission key made a record already: the same submission (answered with that record) only when it
    /// says the same; anything else is refused rather than dropped, so the form comes back as typed.
    /// </summary>
    private static async Task<Outcome<TrainingOutcome>?> AnswerForKnownKeyAsync(LmsDbContext db, TrainingForm form, TrainingInput input, CancellationToken cancellationToken)
    {
        if (input.SubmissionKey == Guid.Empty) return null;
        var made = await db.TrainingRecords.AsNoTracking().Include(r => r.Attendees)
            .FirstOrDefaultAsync(r => r.SubmissionKey == input.SubmissionKey, cancellationToken);
        if (made is null) return null;
        if (made.TeamId != form.Team.Id) return Outcome.Of(TrainingOutcome.KeyReused, made.Id);
        return Outcome.Of(TrainingFormData.SameAs(made, form, input) ? TrainingOutcome.AlreadyRecorded : TrainingOutcome.KeyReused, made.Id);
    }
}
