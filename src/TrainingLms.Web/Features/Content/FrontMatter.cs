namespace TrainingLms.Web.Features.Content;

/// <summary>A Markdown file split into its YAML front matter (between the first two <c>---</c> lines) and its body.</summary>
public sealed record FrontMatter(string Yaml, string Body, int BodyLineOffset)
{
    /// <summary>The YAML starts on the file's second line.</summary>
    public const int YamlLineOffset = 1;

    public static string Normalise(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n");

    public static FrontMatter? Split(string text, ProblemLog log)
    {
        var lines = Normalise(text).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            log.Add(1, "FrontMatterMissing");
            return null;
        }
        var end = Array.FindIndex(lines, 1, line => line.TrimEnd() is "---" or "...");
        if (end < 0)
        {
            log.Add(1, "FrontMatterUnclosed");
            return null;
        }
        return new FrontMatter(string.Join('\n', lines[1..end]), string.Join('\n', lines[(end + 1)..]), end + 1);
    }
}
