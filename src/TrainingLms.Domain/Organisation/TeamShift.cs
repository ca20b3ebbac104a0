namespace TrainingLms.Domain.Organisation;

/// <summary>
/// One concentrated shift a team works every day, in the site's local time (e.g. 夜班 20:00–08:00).
/// A shift whose end is not after its start runs past midnight into the next day.
/// </summary>
public sealed record TeamShift(string Key, TimeOnly Start, TimeOnly End)
{
    public const int MaxKeyLength = 20;

    public bool CrossesMidnight => End <= Start;
}
