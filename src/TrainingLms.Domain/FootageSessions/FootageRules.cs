namespace TrainingLms.Domain.FootageSessions;

/// <summary>What a footage session may hold, and who may move its corrections on.</summary>
public static class FootageRules
{
    /// <summary>Faults one session may name: a session is a short talk about one clip, not a full inspection.</summary>
    public const int MaxFaults = 20;

    /// <summary>How far back a session held earlier may still be recorded.</summary>
    public const int RecordBackDays = 14;

    /// <summary>How far ahead a correction may be due.</summary>
    public const int MaxDueDays = 90;

    /// <summary>
    /// A moment of the clip as typed: "m:ss" or "mm:ss" (minutes as many as needed, seconds 00–59); null for anything
    /// else. The seconds a person sees on the player are whole, so the moment is too.
    /// </summary>
    public static int? ParseMoment(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts is not [var minutes, var seconds] || minutes.Length is 0 or > 4 || seconds.Length != 2) return null;
        if (!minutes.All(char.IsAsciiDigit) || !seconds.All(char.IsAsciiDigit)) return null;
        var s = int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture);
        return s > 59 ? null : (int.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture) * 60) + s;
    }

    public static string FormatMoment(int seconds) =>
        $"{(seconds / 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture)}:{(seconds % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A moment inside the clip: from its start up to its last whole second.</summary>
    public static bool IsWithinClip(int momentSeconds, double clipSeconds) => momentSeconds >= 0 && momentSeconds <= Math.Floor(clipSeconds);

    /// <summary>A session is recorded for today or one of the last <see cref="RecordBackDays"/> days, never for the future.</summary>
    public static bool IsHeldOnInRange(DateOnly heldOn, DateOnly today) => heldOn <= today && heldOn >= today.AddDays(-RecordBackDays);

    /// <summary>A correction is due from the session's day on, at most <see cref="MaxDueDays"/> days after today.</summary>
    public static bool IsDueInRange(DateOnly dueOn, DateOnly heldOn, DateOnly today) => dueOn >= heldOn && dueOn >= today && dueOn <= today.AddDays(MaxDueDays);

    /// <summary>Trainers and administrators record for any team, a manager for the teams of their own site; nobody else.</summary>
    public static bool MayRecord(FootageActor actor) => actor.OverseesAll || actor.ManagesSite;

    /// <summary>Only the correction's owner says it is done.</summary>
    public static bool MayClose(FootageActor actor, string ownerId) => actor.PersonId == ownerId;

    /// <summary>The session's recorder or the site's manager checks a correction said to be done.</summary>
    public static bool MayJudge(FootageActor actor, string recordedById) => actor.PersonId == recordedById || actor.ManagesSite;
}

/// <summary>Who is acting on a footage session, as far as its rules go.</summary>
/// <param name="ManagesSite">A manager of the site the session's team works at.</param>
/// <param name="OverseesAll">A trainer or an administrator.</param>
public sealed record FootageActor(string PersonId, bool ManagesSite, bool OverseesAll);
