namespace TrainingLms.Domain;

/// <summary>
/// A time as every database the LMS runs on keeps it: to the microsecond (PostgreSQL's precision; SQLite keeps .NET's
/// 100 ns ticks). A time inside a signed record's hash is cut to this when it is set, so the record reads back from
/// either database exactly as it was signed.
/// </summary>
public static class StoredTime
{
    public static DateTime Of(DateTime time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));
}
