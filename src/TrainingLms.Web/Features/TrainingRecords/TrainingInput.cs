using Microsoft.AspNetCore.Http;
using TrainingLms.Domain.TrainingRecords;

namespace TrainingLms.Web.Features.TrainingRecords;

/// <summary>
/// What the record form posts, read straight from the form: a value that does not parse is kept as typed where it
/// can be shown again, and refused by <see cref="Validate"/> with a message by field.
/// </summary>
public sealed class TrainingInput
{
    /// <summary>More attendees than any roster holds: a hostile post, refused before it is looked at one by one.</summary>
    public const int MaxAttendees = 500;

    public Guid SubmissionKey { get; set; } = Guid.NewGuid();
    public string TrainedOnText { get; set; } = "";
    public DateOnly? TrainedOn => QueryValue.Date(TrainedOnText) is { } date && TrainedOnText.Length == 10 ? date : null;
    public string ShiftKey { get; set; } = "";

    /// <summary>"courseId:lessonKey" of the lesson taught, or empty.</summary>
    public string Lesson { get; set; } = "";
    public string Topic { get; set; } = "";
    public string MinutesText { get; set; } = "";
    public int? Minutes => int.TryParse(MinutesText, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ? minutes : null;
    public string ClipText { get; set; } = "";
    public int? ClipId => QueryValue.Int(ClipText);
    public List<string> Attendees { get; set; } = [];

    public (int CourseId, string Key)? LessonRef =>
        Lesson.Split(':', 2) is [var course, var key] && int.TryParse(course, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && key.Length > 0
            ? (id, key) : null;

    public static TrainingInput FromForm(IFormCollection form) => new()
    {
        SubmissionKey = Guid.TryParse(form["submissionKey"], out var key) ? key : Guid.Empty,
        TrainedOnText = Text(form, "trainedOn"),
        ShiftKey = Text(form, "shiftKey"),
        Lesson = Text(form, "lesson"),
        Topic = Text(form, "topic"),
        MinutesText = Text(form, "minutes"),
        ClipText = Text(form, "clip"),
        Attendees = [.. form["attendees"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct().Take(MaxAttendees + 1)],
    };

    /// <summary>The form's checks that need no database, as resource keys by field.</summary>
    public Dictionary<string, string> Validate(DateOnly today, IReadOnlySet<string> roster, bool lessonKnown, bool clipVisible, bool shiftKnown)
    {
        var errors = new Dictionary<string, string>();
        if (SubmissionKey == Guid.Empty) errors[""] = "TrainingRecords.Validation.Expired";
        if (TrainedOn is not { } date) errors["trainedOn"] = "TrainingRecords.Validation.Date";
        else if (date > today) errors["trainedOn"] = "TrainingRecords.Validation.Future";
        else if (!TrainingRules.IsDateInRange(date, today)) errors["trainedOn"] = ErrorKey.With("TrainingRecords.Validation.TooOld", TrainingRules.RecordBackDays.ToString(CultureInfo.InvariantCulture));
        if (!shiftKnown) errors["shiftKey"] = "TrainingRecords.Validation.Shift";
        if (Lesson.Length > 0 && !lessonKnown) errors["lesson"] = "TrainingRecords.Validation.Lesson";
        else if (Lesson.Length == 0 && Topic.Length == 0) errors["topic"] = "TrainingRecords.Validation.Topic";
        if (Topic.Length > TrainingRecord.MaxTopicLength)
            errors["topic"] = ErrorKey.With("TrainingRecords.Validation.TooLong", TrainingRecord.MaxTopicLength.ToString(CultureInfo.InvariantCulture));
        if (Minutes is not { } minutes || !TrainingRules.IsMinutesInRange(minutes))
            errors["minutes"] = ErrorKey.With("TrainingRecords.Validation.Minutes",
                TrainingRules.MinMinutes.ToString(CultureInfo.InvariantCulture), TrainingRules.MaxMinutes.ToString(CultureInfo.InvariantCulture));
        if (ClipText.Length > 0 && !clipVisible) errors["clip"] = "TrainingRecords.Validation.Clip";
        if (Attendees.Count == 0) errors["attendees"] = "TrainingRecords.Validation.NoAttendees";
        else if (Attendees.Count > MaxAttendees || Attendees.Any(id => !roster.Contains(id))) errors["attendees"] = "TrainingRecords.Validation.NotInTeam";
        return errors;
    }

    private static string Text(IFormCollection form, string name) => form[name].ToString().Trim();
}
