using Microsoft.AspNetCore.Http;
using TrainingLms.Domain.ShiftReviews;

namespace TrainingLms.Web.Features.ShiftReviews;

public sealed class NoteInput
{
    public string? PersonId { get; set; }
    public NoteKind Kind { get; set; } = NoteKind.Praise;
    public EtiquettePoint Points { get; set; }
    public string Text { get; set; } = "";

    public bool IsBlank => string.IsNullOrEmpty(PersonId) && Text.Length == 0 && Points == 0;
}

/// <summary>
/// What the review form posts. Read straight from the form because it is mostly groups of checkboxes and repeated
/// note rows; the field names are the ones <c>review-draft.js</c> keeps in the browser.
/// </summary>
public sealed class ReviewInput
{
    public const int NoteRows = 3;

    /// <summary>
    /// Notes one review may send. A shift's review speaks to a few people; a post with hundreds of note rows is a
    /// mistake or an attack, and is refused rather than read row by row.
    /// </summary>
    public const int MaxNotes = 50;

    public Guid SubmissionKey { get; set; } = Guid.NewGuid();
    public DateOnly? ShiftDate { get; set; }
    public string? ShiftKey { get; set; }
    public List<string> Absent { get; set; } = [];
    public string WentWell { get; set; } = "";
    public EtiquettePoint WentWellPoints { get; set; }
    public string FellShort { get; set; } = "";
    public EtiquettePoint FellShortPoints { get; set; }
    public string FollowUps { get; set; } = "";
    public List<NoteInput> Notes { get; set; } = [];
    public string Reason { get; set; } = "";

    public ReviewContent Content => new(WentWell, WentWellPoints, FellShort, FellShortPoints, FollowUps, Absent);

    public static ReviewInput FromForm(IFormCollection form)
    {
        var input = new ReviewInput
        {
            SubmissionKey = Guid.TryParse(form["submissionKey"], out var key) ? key : Guid.Empty,
            ShiftDate = DateOnly.TryParseExact(form["shiftDate"].ToString(), "yyyy-MM-dd", out var date) ? date : null,
            ShiftKey = Text(form, "shiftKey"),
            Absent = [.. form["absent"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct()],
            WentWell = Text(form, "wentWell"),
            WentWellPoints = EtiquettePoints.Parse(form["wentWellPoints"]),
            FellShort = Text(form, "fellShort"),
            FellShortPoints = EtiquettePoints.Parse(form["fellShortPoints"]),
            FollowUps = Text(form, "followUps"),
            Reason = Text(form, "reason"),
        };
        // One row past the limit is read, so Validate can refuse the form; the rest are never looked at.
        for (var i = 0; i <= MaxNotes && (form.ContainsKey($"note{i}.person") || form.ContainsKey($"note{i}.text")); i++)
        {
            input.Notes.Add(new NoteInput
            {
                PersonId = Text(form, $"note{i}.person") is { Length: > 0 } person ? person : null,
                Kind = Enum.TryParse<NoteKind>(form[$"note{i}.kind"], out var kind) && Enum.IsDefined(kind) ? kind : NoteKind.Praise,
                Points = EtiquettePoints.Parse(form[$"note{i}.points"]),
                Text = Text(form, $"note{i}.text"),
            });
        }
        return input;
    }

    /// <summary>
    /// The form's checks, as resource keys by field. Notes go only to people on the roster; a review must say
    /// at least one thing, by tag or in words.
    /// </summary>
    public Dictionary<string, string> Validate(IReadOnlySet<string> roster, bool requireReason)
    {
        var errors = new Dictionary<string, string>();
        if (!Content.SaysSomething) errors["wentWell"] = "ShiftReviews.Validation.SaySomething";
        if (WentWell.Length > ShiftReview.MaxTextLength) errors["wentWell"] = "ShiftReviews.Validation.TooLong";
        if (FellShort.Length > ShiftReview.MaxTextLength) errors["fellShort"] = "ShiftReviews.Validation.TooLong";
        if (FollowUps.Length > ShiftReview.MaxTextLength) errors["followUps"] = "ShiftReviews.Validation.TooLong";
        if (Notes.Count > MaxNotes) errors["notes"] = "ShiftReviews.Validation.TooManyNotes";
        for (var i = 0; i < Math.Min(Notes.Count, MaxNotes); i++)
        {
            var note = Notes[i];
            if (note.IsBlank) continue;
            if (note.PersonId is null || !roster.Contains(note.PersonId)) errors[$"note{i}.person"] = "ShiftReviews.Validation.NotePerson";
            else if (note.Text.Length == 0 && note.Points == 0) errors[$"note{i}.text"] = "ShiftReviews.Validation.NoteEmpty";
            else if (note.Text.Length > ShiftReviewNote.MaxTextLength) errors[$"note{i}.text"] = "ShiftReviews.Validation.TooLong";
        }
        if (requireReason && Reason.Length == 0) errors["reason"] = "ShiftReviews.Validation.ReasonRequired";
        if (Reason.Length > ShiftReviewAmendment.MaxReasonLength) errors["reason"] = "ShiftReviews.Validation.TooLong";
        return errors;
    }

    /// <summary>Blank note rows for the form to show after the ones already typed.</summary>
    public void PadNotes()
    {
        while (Notes.Count(n => n.IsBlank) < 1 || Notes.Count < NoteRows) Notes.Add(new NoteInput());
    }

    private static string Text(IFormCollection form, string name) => form[name].ToString().Trim();
}
