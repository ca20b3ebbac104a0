namespace TrainingLms.Web.Features.Courses.Checks;

/// <summary>Reads a posted knowledge check: field <c>q{n}</c> holds the positions ticked for the n-th question shown.</summary>
public static class QuizForms
{
    /// <summary>Values of the form's <c>action</c> button.</summary>
    public const string Start = "start", HandIn = "hand-in";

    public static bool IsStart(IFormCollection form) => form["action"] == Start;

    public static IReadOnlyList<IReadOnlyList<int>> Positions(IFormCollection form, int questionCount) =>
        Enumerable.Range(0, questionCount)
            .Select(q => (IReadOnlyList<int>)form[$"q{q}"].Select(v => int.TryParse(v, out var position) ? position : -1).Distinct().ToList())
            .ToList();
}
