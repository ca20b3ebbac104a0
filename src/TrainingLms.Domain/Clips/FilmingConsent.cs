namespace TrainingLms.Domain.Clips;

/// <summary>A filmed person's answer to the notice of a recording they are in.</summary>
public enum FilmingConsent
{
    /// <summary>Told, not yet answered: the clip stays with the curators and the person.</summary>
    Pending = 0,
    Given = 1,

    /// <summary>Declined, or agreed and later withdrawn: the clip is hidden from everyone else again.</summary>
    Withdrawn = 2,
}

/// <summary>The rules of filming real staff for training: their notice, their consent, and what it allows.</summary>
public static class FilmingConsents
{
    /// <summary>A person may agree or withdraw at any time, and agree again after withdrawing; "pending" is not an answer.</summary>
    public static bool IsAnswer(FilmingConsent answer) => answer is FilmingConsent.Given or FilmingConsent.Withdrawn;

    /// <summary>
    /// Why a clip may not be published yet, as a message key; null when it may. A Smile Discovery recording films staff
    /// at work, so it needs the people in it named and every one of them agreeing; other kinds only their agreement.
    /// </summary>
    public static string? PublishingRefusal(ClipKind kind, IReadOnlyCollection<FilmingConsent> answers)
    {
        if (kind == ClipKind.SmileDiscovery && answers.Count == 0) return "Clips.Consent.NoneNamed";
        return answers.All(a => a == FilmingConsent.Given) ? null : "Clips.Consent.NotEveryone";
    }

    /// <summary>A withdrawal stays on record: removing the person would show the clip to everyone again.</summary>
    public static bool MayBeUnnamed(FilmingConsent answer) => answer != FilmingConsent.Withdrawn;
}
