using TrainingLms.Domain.Inspections;

namespace TrainingLms.Web.Features.Inspections;

/// <summary>The inspection form as posted by the phone: the post, the form revision, a verdict and a note per item.</summary>
public sealed class InspectionInput
{
    public Guid SubmissionKey { get; set; }
    public int FormRevisionId { get; set; }
    public string? PersonId { get; set; }
    public bool Announced { get; set; }
    public Dictionary<string, ItemVerdict?> Verdicts { get; } = [];
    public Dictionary<string, string> Notes { get; } = [];

    public static InspectionInput FromForm(IFormCollection form, IEnumerable<string> itemKeys)
    {
        var input = new InspectionInput
        {
            SubmissionKey = Guid.TryParse(form["submissionKey"], out var key) ? key : Guid.Empty,
            FormRevisionId = int.TryParse(form["formRevisionId"], NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0,
            PersonId = string.IsNullOrWhiteSpace(form["personId"]) ? null : form["personId"].ToString().Trim(),
            Announced = form["announced"] == "true",
        };
        foreach (var item in itemKeys)
        {
            input.Verdicts[item] = Enum.TryParse<ItemVerdict>(form[$"verdict.{item}"], ignoreCase: false, out var verdict) && Enum.IsDefined(verdict) && !int.TryParse(form[$"verdict.{item}"], out _)
                ? verdict : null;
            input.Notes[item] = form[$"note.{item}"].ToString().Replace("\r\n", "\n").Trim();
        }
        return input;
    }
}
