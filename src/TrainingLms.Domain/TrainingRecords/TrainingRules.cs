using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Domain.TrainingRecords;

/// <summary>Who is acting on a training record, as far as its rules go.</summary>
/// <param name="LeadsTeam">Leads the record's team now.</param>
/// <param name="ManagesSite">A manager of the site the record's team works at.</param>
/// <param name="OverseesAll">A trainer or an administrator: oversees every site's training.</param>
public sealed record TrainingActor(string PersonId, bool LeadsTeam, bool ManagesSite, bool OverseesAll);

public enum TrainingVerdict
{
    Allowed = 1,
    /// <summary>Not this person's to do.</summary>
    Forbidden = 2,
    /// <summary>The record is not in a state that allows it (already countersigned, or returned and not yet corrected).</summary>
    WrongState = 3,
    /// <summary>The class leader who recorded it may not countersign or return their own training.</summary>
    OwnRecord = 4,
}

/// <summary>The rules of pre-job training records: what a record may hold, and who may move it from one state to the next.</summary>
public static class TrainingRules
{
    public const int MinMinutes = 1;
    public const int MaxMinutes = 120;

    /// <summary>How far back a leader may still record a training held earlier.</summary>
    public const int RecordBackDays = 7;

    public static bool IsMinutesInRange(int minutes) => minutes is >= MinMinutes and <= MaxMinutes;

    /// <summary>A training is recorded for today or one of the last <see cref="RecordBackDays"/> days, never for the future.</summary>
    public static bool IsDateInRange(DateOnly trainedOn, DateOnly today) => trainedOn <= today && trainedOn >= Earliest(today);

    public static DateOnly Earliest(DateOnly today) => today.AddDays(-RecordBackDays);

    /// <summary>
    /// Countersigning and returning oversee the quality of someone else's training: a site manager of the team's site
    /// or a trainer (or administrator), never the leader who recorded it, and only a record waiting for it.
    /// </summary>
    public static TrainingVerdict CanOversee(TrainingRecordStatus status, string recordedById, TrainingActor actor)
    {
        if (!actor.OverseesAll && !actor.ManagesSite) return TrainingVerdict.Forbidden;
        if (actor.PersonId == recordedById) return TrainingVerdict.OwnRecord;
        return status == TrainingRecordStatus.Submitted ? TrainingVerdict.Allowed : TrainingVerdict.WrongState;
    }

    /// <summary>A returned record is corrected by the team's class leader (or the leader who recorded it) and sent again.</summary>
    public static TrainingVerdict CanCorrect(TrainingRecordStatus status, string recordedById, TrainingActor actor)
    {
        if (!actor.LeadsTeam && actor.PersonId != recordedById) return TrainingVerdict.Forbidden;
        return status == TrainingRecordStatus.Returned ? TrainingVerdict.Allowed : TrainingVerdict.WrongState;
    }

    /// <summary>The state a record moves to by a step; throws for a step that cannot follow <paramref name="from"/>.</summary>
    public static TrainingRecordStatus After(TrainingRecordStatus from, TrainingStepKind step) => (from, step) switch
    {
        (TrainingRecordStatus.Submitted, TrainingStepKind.Countersigned) => TrainingRecordStatus.Countersigned,
        (TrainingRecordStatus.Submitted, TrainingStepKind.Returned) => TrainingRecordStatus.Returned,
        (TrainingRecordStatus.Returned, TrainingStepKind.Resubmitted) => TrainingRecordStatus.Submitted,
        _ => throw new InvalidOperationException($"A {from} training record cannot be {step}."),
    };

    /// <summary>
    /// The shift a training recorded now most likely preceded: the next one to start today (training is held before
    /// the shift), or after the day's last start, the day's first shift. Daily teams have the one daily key.
    /// </summary>
    public static string DefaultShift(IReadOnlyList<TeamShift> shifts, TimeOnly localNow)
    {
        if (ShiftCalendar.IsDaily(shifts)) return ShiftCalendar.DailyKey;
        var ordered = shifts.OrderBy(s => s.Start).ToList();
        return (ordered.FirstOrDefault(s => s.Start >= localNow) ?? ordered[0]).Key;
    }
}
