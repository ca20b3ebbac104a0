using Microsoft.AspNetCore.Http;
using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Courses.Content;

namespace TrainingLms.Web.Features.Drills;

/// <summary>One criterion as typed on the form; kept as text so a half-filled or wrong form comes back exactly as it was.</summary>
public sealed class CriterionInput
{
    public string Score { get; set; } = "";
    public string Comment { get; set; } = "";

    /// <summary>Evidence: a clip of the library by its slug, and a time in it (<see cref="DrillEvidence"/> checks both).</summary>
    public string ClipSlug { get; set; } = "";
    public string At { get; set; } = "";
}

/// <summary>
/// What the scoring form posts: per criterion <c>score.{key}</c>, <c>comment.{key}</c>, <c>clip.{key}</c>, <c>at.{key}</c>,
/// and an overall <c>comment</c>. Read straight from the form because its fields follow the rubric.
/// </summary>
public sealed class ScoreInput
{
    public Dictionary<string, CriterionInput> Criteria { get; } = [];
    public string Comment { get; set; } = "";

    public CriterionInput For(string key) => Criteria.TryGetValue(key, out var input) ? input : Criteria[key] = new CriterionInput();

    public static ScoreInput FromForm(IFormCollection form, IEnumerable<DrillCriterion> criteria)
    {
        var input = new ScoreInput { Comment = Text(form, "comment") };
        foreach (var criterion in criteria)
        {
            input.Criteria[criterion.Key] = new CriterionInput
            {
                Score = Text(form, $"score.{criterion.Key}"),
                Comment = Text(form, $"comment.{criterion.Key}"),
                ClipSlug = Text(form, $"clip.{criterion.Key}"),
                At = Text(form, $"at.{criterion.Key}"),
            };
        }
        return input;
    }

    public static ScoreInput FromStored(IEnumerable<ScoreRow> scores, string comment)
    {
        var input = new ScoreInput { Comment = comment };
        foreach (var score in scores)
        {
            input.Criteria[score.CriterionKey] = new CriterionInput
            {
                Score = score.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Comment = score.Comment,
                ClipSlug = score.EvidenceClipSlug ?? "",
                At = score.EvidenceAtSeconds is { } at ? EvidenceTime.Format(at) : "",
            };
        }
        return input;
    }

    /// <summary>The scores as numbers, where typed and within the scale; blanks and bad entries are null.</summary>
    public Dictionary<string, int?> Scores(IEnumerable<DrillCriterion> criteria) =>
        criteria.ToDictionary(c => c.Key, c => int.TryParse(For(c.Key).Score, out var score) && c.Scale.Allows(score) ? score : (int?)null);

    /// <summary>Checks by field, as resource keys. A blank score is not an error here: a draft may be half done.</summary>
    public Dictionary<string, string> Validate(IEnumerable<DrillCriterion> criteria)
    {
        var errors = new Dictionary<string, string>();
        foreach (var criterion in criteria)
        {
            var input = For(criterion.Key);
            if (input.Score.Length > 0 && !(int.TryParse(input.Score, out var score) && criterion.Scale.Allows(score)))
                errors[$"score.{criterion.Key}"] = "Drills.Validation.Score";
            if (input.Comment.Length > DrillScore.MaxCommentLength) errors[$"comment.{criterion.Key}"] = "Drills.Validation.TooLong";
            if (input.ClipSlug.Length > 0 && !Slugs.IsValid(input.ClipSlug)) errors[$"clip.{criterion.Key}"] = "Drills.Validation.ClipSlug";
            if (!EvidenceTime.TryParse(input.At, out var at)) errors[$"at.{criterion.Key}"] = "Drills.Validation.At";
            else if (at is not null && input.ClipSlug.Length == 0) errors[$"clip.{criterion.Key}"] = "Drills.Validation.ClipForTime";
        }
        if (Comment.Length > DrillAttempt.MaxCommentLength) errors["comment"] = "Drills.Validation.TooLong";
        return errors;
    }

    /// <summary>Copies the (valid) input onto a draft's score rows.</summary>
    public void ApplyTo(DrillAttempt attempt, IEnumerable<DrillCriterion> criteria)
    {
        var scores = Scores(criteria);
        foreach (var row in attempt.Scores)
        {
            var input = For(row.CriterionKey);
            row.Score = scores.GetValueOrDefault(row.CriterionKey);
            row.Comment = input.Comment;
            row.EvidenceClipSlug = input.ClipSlug.Length > 0 ? input.ClipSlug : null;
            row.EvidenceAtSeconds = EvidenceTime.TryParse(input.At, out var at) ? at : null;
        }
        attempt.Comment = Comment;
    }

    /// <summary>Whether this input says exactly what the stored scores say: a repeated tap on Sign, not a change.</summary>
    public bool SameAs(AttemptRow stored)
    {
        var storedInput = FromStored(stored.Scores, stored.Comment);
        return Comment == storedInput.Comment && stored.Scores.All(s =>
        {
            var typed = For(s.CriterionKey);
            var was = storedInput.For(s.CriterionKey);
            return typed.Score == was.Score && typed.Comment == was.Comment && typed.ClipSlug == was.ClipSlug
                && (EvidenceTime.TryParse(typed.At, out var at) ? at : -1) == s.EvidenceAtSeconds;
        });
    }

    private static string Text(IFormCollection form, string name) => form[name].ToString().Trim();
}
