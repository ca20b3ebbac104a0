using Microsoft.AspNetCore.Http;
using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.FootageSessions;

namespace TrainingLms.Web.Features.FootageSessions;

/// <summary>One fault row of the form, as typed.</summary>
public sealed class FaultInput
{
    public string MomentText { get; set; } = "";
    public int? Moment => FootageRules.ParseMoment(MomentText);
    public string Description { get; set; } = "";
    public string Causes { get; set; } = "";
    public string Correction { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public string DueOnText { get; set; } = "";
    public DateOnly? DueOn => DueOnText.Length == 10 ? QueryValue.Date(DueOnText) : null;

    public bool IsBlank => MomentText.Length == 0 && Description.Length == 0 && Causes.Length == 0 && Correction.Length == 0 && OwnerId.Length == 0;
}

/// <summary>
/// What the session form posts, read straight from the form: a value that does not parse is kept as typed, so the form
/// comes back as it was, and refused by <see cref="Validate"/> with a message by field. Blank fault rows are left out.
/// </summary>
public sealed class FootageInput
{
    /// <summary>Fault rows a fresh form offers; "one more fault" adds one.</summary>
    public const int FaultRows = 3;

    /// <summary>More attendees than any roster holds: a hostile post, refused before it is looked at one by one.</summary>
    public const int MaxAttendees = 500;

    public Guid SubmissionKey { get; set; } = Guid.NewGuid();
    public string HeldOnText { get; set; } = "";
    public DateOnly? HeldOn => HeldOnText.Length == 10 ? QueryValue.Date(HeldOnText) : null;
    public string ClipText { get; set; } = "";
    public int? ClipId => QueryValue.Int(ClipText);
    public List<string> Attendees { get; set; } = [];
    public List<FaultInput> Faults { get; set; } = [];

    public IEnumerable<FaultInput> Named => Faults.Where(f => !f.IsBlank);

    public static FootageInput FromForm(IFormCollection form)
    {
        var input = new FootageInput
        {
            SubmissionKey = Guid.TryParse(form["submissionKey"], out var key) ? key : Guid.Empty,
            HeldOnText = Text(form, "heldOn"),
            ClipText = Text(form, "clip"),
            Attendees = [.. form["attendees"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct().Take(MaxAttendees + 1)],
        };
        // Rows past the limit (plus one, so Validate can refuse it) are never read; blank rows cost nothing.
        for (var i = 0; i <= FootageRules.MaxFaults * 2 && form.ContainsKey($"fault{i}.description"); i++)
        {
            input.Faults.Add(new FaultInput
            {
                MomentText = Text(form, $"fault{i}.moment"), Description = Text(form, $"fault{i}.description"), Causes = Text(form, $"fault{i}.causes"),
                Correction = Text(form, $"fault{i}.correction"), OwnerId = Text(form, $"fault{i}.owner"), DueOnText = Text(form, $"fault{i}.dueOn"),
            });
        }
        return input;
    }

    /// <summary>The posted form checked against what the form offers for this team, as resource keys by field.</summary>
    public Dictionary<string, string> Validate(FootageForm form)
    {
        var errors = new Dictionary<string, string>();
        if (SubmissionKey == Guid.Empty) errors[""] = "FootageSessions.Validation.Expired";
        if (HeldOn is not { } heldOn) errors["heldOn"] = "FootageSessions.Validation.Date";
        else if (!FootageRules.IsHeldOnInRange(heldOn, form.Today))
            errors["heldOn"] = ErrorKey.With("FootageSessions.Validation.DateRange", FootageRules.RecordBackDays.ToString(CultureInfo.InvariantCulture));
        var clip = ClipId is { } clipId ? form.Clips.FirstOrDefault(c => c.Id == clipId) : null;
        if (clip is null) errors["clip"] = "FootageSessions.Validation.Clip";
        var roster = form.Roster.Select(m => m.PersonId).ToHashSet();
        if (Attendees.Count == 0) errors["attendees"] = "FootageSessions.Validation.NoAttendees";
        else if (Attendees.Count > MaxAttendees || Attendees.Any(id => !roster.Contains(id))) errors["attendees"] = "FootageSessions.Validation.NotInTeam";

        var named = Named.ToList();
        if (named.Count == 0) errors["faults"] = "FootageSessions.Validation.NoFaults";
        else if (named.Count > FootageRules.MaxFaults)
            errors["faults"] = ErrorKey.With("FootageSessions.Validation.TooManyFaults", FootageRules.MaxFaults.ToString(CultureInfo.InvariantCulture));
        else
        {
            for (var i = 0; i < Faults.Count; i++)
            {
                if (!Faults[i].IsBlank) ValidateFault(Faults[i], $"fault{i}", form, clip, HeldOn ?? form.Today, errors);
            }
        }
        return errors;
    }

    private static void ValidateFault(FaultInput fault, string prefix, FootageForm form, FootageClip? clip, DateOnly heldOn, Dictionary<string, string> errors)
    {
        if (fault.Moment is not { } moment) errors[$"{prefix}.moment"] = "FootageSessions.Validation.Moment";
        else if (clip is not null && !FootageRules.IsWithinClip(moment, clip.DurationSeconds))
            errors[$"{prefix}.moment"] = ErrorKey.With("FootageSessions.Validation.MomentBeyond", FootageRules.FormatMoment((int)Math.Floor(clip.DurationSeconds)));
        Text(fault.Description, $"{prefix}.description", "FootageSessions.Validation.Description", errors);
        Text(fault.Causes, $"{prefix}.causes", "FootageSessions.Validation.Causes", errors);
        Text(fault.Correction, $"{prefix}.correction", "FootageSessions.Validation.Correction", errors);
        if (form.Owners.All(o => o.PersonId != fault.OwnerId)) errors[$"{prefix}.owner"] = "FootageSessions.Validation.Owner";
        if (fault.DueOn is not { } dueOn) errors[$"{prefix}.dueOn"] = "FootageSessions.Validation.Date";
        else if (!FootageRules.IsDueInRange(dueOn, heldOn, form.Today))
            errors[$"{prefix}.dueOn"] = ErrorKey.With("FootageSessions.Validation.DueRange", FootageRules.MaxDueDays.ToString(CultureInfo.InvariantCulture));
    }

    private static void Text(string text, string field, string missingKey, Dictionary<string, string> errors)
    {
        if (FollowUpMoves.Refusal(FollowUp.Clean(text), missingKey) is { } refused) errors[field] = refused;
    }

    private static string Text(IFormCollection form, string name) => form[name].ToString().Trim();
}
