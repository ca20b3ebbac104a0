namespace TrainingLms.Web.Features.Content;

/// <summary>
/// One problem found in content/: the file (relative to the content folder), the line (1-based; 0 when the
/// whole file or folder is at fault) and a message code localised as <c>Content.Problem.{Code}</c>.
/// </summary>
public sealed record ContentProblem(string File, int Line, string Code, params string[] Arguments)
{
    /// <summary>Worth the author's attention, but the item is published all the same.</summary>
    public bool IsWarning { get; init; }

    public override string ToString() => $"{File}:{Line}: {(IsWarning ? "warning " : "")}{Code} {string.Join(" | ", Arguments)}";
}

/// <summary>Collects the problems of one file, shifting YAML and Markdown line numbers to lines of the file.</summary>
public sealed class ProblemLog(string file, List<ContentProblem> problems, int lineOffset = 0)
{
    public string File => file;

    /// <summary>How many problems the whole sync has so far; compare before and after to see whether a part added any.</summary>
    public int Count => problems.Count(p => !p.IsWarning);

    public void Add(int line, string code, params string[] arguments) =>
        problems.Add(new ContentProblem(file, FileLine(line), code, arguments));

    /// <summary>A problem that does not stop publication; it is listed with the others, marked as a warning.</summary>
    public void Warn(int line, string code, params string[] arguments) =>
        problems.Add(new ContentProblem(file, FileLine(line), code, arguments) { IsWarning = true });

    private int FileLine(int line) => Math.Max(0, line <= 0 ? 0 : line + lineOffset);

    /// <summary>The same file, for a section that starts after <paramref name="linesBefore"/> lines.</summary>
    public ProblemLog Section(int linesBefore) => new(file, problems, lineOffset + linesBefore);
}
