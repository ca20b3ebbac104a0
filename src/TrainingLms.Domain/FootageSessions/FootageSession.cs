using TrainingLms.Domain.FollowUps;

namespace TrainingLms.Domain.FootageSessions;

/// <summary>
/// A benchmark-footage session (practice 10): a team watches a clip (a benchmark company's footage, a Smile Discovery
/// recording), names the faults against its own site's, and a supervisor helps find their causes and agree corrections.
/// </summary>
public class FootageSession
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int TeamId { get; set; }
    public int ClipId { get; set; }

    /// <summary>The site-local day the session was held.</summary>
    public DateOnly HeldOn { get; set; }

    public required string RecordedById { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>Chosen by the form when it is first shown; a retry of the same submission finds this session.</summary>
    public Guid SubmissionKey { get; set; }

    public List<FootageAttendee> Attendees { get; set; } = [];
    public List<FootageFault> Faults { get; set; } = [];
}

/// <summary>One person of the team's roster who watched.</summary>
public class FootageAttendee
{
    public int SessionId { get; set; }
    public required string PersonId { get; set; }
}

/// <summary>
/// A fault named at a moment of the clip, with its causes; its follow-up is the correction agreed for it: an owner of
/// the team puts it right by the due date, the session's recorder or the site's manager verifies or reopens it.
/// </summary>
public class FootageFault : FollowUp
{
    public int Id { get; set; }
    public int SessionId { get; set; }

    /// <summary>Copied from the session, so the site's and team's follow-ups are found without a join.</summary>
    public int SiteId { get; set; }
    public int TeamId { get; set; }

    /// <summary>Its place in the session's list (0, 1, …).</summary>
    public int Order { get; set; }

    /// <summary>Where in the clip, in whole seconds from its start.</summary>
    public int MomentSeconds { get; set; }

    public string Description { get; set; } = "";
    public string Causes { get; set; } = "";
    public string Correction { get; set; } = "";

    /// <summary>Who puts it right: a person of the team, or its class leader.</summary>
    public required string OwnerId { get; set; }
}
