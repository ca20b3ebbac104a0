using TrainingLms.Domain.Drills;

namespace TrainingLms.Web.Features.Drills;

/// <summary>Evidence names a clip the library has, and a moment inside it.</summary>
public static class DrillEvidence
{
    /// <summary>The form's checks plus the library's: an unknown clip or a time past the clip's end, as resource keys by field.</summary>
    public static async Task<Dictionary<string, string>> ValidateAsync(
        LmsDbContext db, ScoreInput input, IReadOnlyList<DrillCriterion> criteria, CancellationToken cancellationToken = default)
    {
        var errors = input.Validate(criteria);
        var cited = criteria.Select(c => (c.Key, Typed: input.For(c.Key)))
            .Where(c => c.Typed.ClipSlug.Length > 0 && !errors.ContainsKey($"clip.{c.Key}")).ToList();
        if (cited.Count == 0) return errors;

        var slugs = cited.Select(c => c.Typed.ClipSlug).Distinct().ToList();
        var durations = await db.Clips.Where(c => slugs.Contains(c.Slug)).Select(c => new { c.Slug, c.DurationSeconds })
            .ToDictionaryAsync(c => c.Slug, c => c.DurationSeconds, cancellationToken);
        foreach (var (key, typed) in cited)
        {
            if (!durations.TryGetValue(typed.ClipSlug, out var duration)) errors[$"clip.{key}"] = "Drills.Validation.ClipUnknown";
            // A clip still being transcoded has no duration yet: any time is taken as typed.
            else if (duration > 0 && EvidenceTime.TryParse(typed.At, out var at) && at > Math.Ceiling(duration)) errors[$"at.{key}"] = "Drills.Validation.AtBeyondClip";
        }
        return errors;
    }
}
