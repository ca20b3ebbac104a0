using System.Text.Json;
using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses.Content;

/// <summary>Reads one lesson: the Chinese file (front matter, body, clip and quiz blocks) and its optional English body.</summary>
public static class LessonFileParser
{
    public sealed record LessonSource(string Key, int Order, string ChineseText, ProblemLog ChineseLog, string? EnglishText, ProblemLog? EnglishLog);

    public static LessonRevision? Parse(LessonSource source, string courseFolder)
    {
        var log = source.ChineseLog;
        var before = log.Count;
        if (FrontMatter.Split(source.ChineseText, log) is not { } file) return null;

        LocalizedText? title = null;
        int? minutes = null;
        if (YamlFields.Load(file.Yaml, log.Section(FrontMatter.YamlLineOffset)) is { } fields)
        {
            title = fields.Localized("title");
            minutes = fields.Number("minutes", 1, 600, required: false);
            fields.ReportUnknown();
        }

        var body = Body.Read(file.Body, log.Section(file.BodyLineOffset), courseFolder, quizAllowed: true);
        Body? english = null;
        var englishBody = source.EnglishText is null ? null : Tidy(FrontMatter.Normalise(source.EnglishText));
        if (englishBody is not null && source.EnglishLog is { } englishLog)
        {
            english = Body.Read(englishBody, englishLog, courseFolder, quizAllowed: false);
            if (!english.Clips.Select(c => c.Slug).Order().SequenceEqual(body.Clips.Select(c => c.Slug).Order()))
                englishLog.Add(english.FirstDifferentClipLine(body), "ClipsDiffer");
        }
        if (log.Count > before || english is { HasProblems: true } || title is null) return null;

        var requiredClips = body.Clips.Where(c => c.Required).Select(c => c.Slug).Distinct().ToList();
        return new LessonRevision
        {
            Key = source.Key,
            Order = source.Order,
            Title = title,
            Minutes = minutes,
            BodyZh = Tidy(file.Body),
            BodyEn = english is null ? null : englishBody,
            Quiz = body.Quiz,
            RequiredClips = requiredClips,
            ContentHash = HashOf(title, minutes, Tidy(file.Body), english is null ? null : englishBody, body.Quiz, requiredClips),
        };
    }

    /// <summary>The line of a question's <c>id:</c> in a lesson file, for a problem found after parsing; 0 when not found.</summary>
    public static int LineOfQuestion(string path, string questionId)
    {
        if (!File.Exists(path)) return 0;
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, line => line.Trim().TrimStart('-').Trim() == $"id: {questionId}");
        return index + 1;
    }

    /// <summary>
    /// Trailing blank lines and spaces are not content: a file saved by another editor, a browser's textarea or
    /// an export must give the same lesson, so a round trip through the editor changes nothing.
    /// </summary>
    private static string Tidy(string body) => body.TrimEnd() + "\n";

    public static string HashOf(LocalizedText title, int? minutes, string bodyZh, string? bodyEn, Quiz? quiz, IReadOnlyList<string> requiredClips) =>
        ContentHash.Of(JsonSerializer.Serialize(new { title, minutes, bodyZh, bodyEn = bodyEn ?? "", quiz, requiredClips }));

    /// <summary>What a lesson body holds besides its text: clip references, at most one quiz, pictures from the course folder.</summary>
    /// <param name="ClipLines">The 1-based line of each clip's opening fence, in the order of <paramref name="Clips"/>.</param>
    public sealed record Body(IReadOnlyList<ClipReference> Clips, IReadOnlyList<int> ClipLines, Quiz? Quiz, bool HasProblems)
    {
        /// <summary>
        /// Where to point when this text's clips differ from <paramref name="other"/>'s: the first clip the other text does not
        /// show, else the first clip (this text lacks one of the other's); 0 when this text has no clip at all.
        /// </summary>
        public int FirstDifferentClipLine(Body other)
        {
            var unmatched = other.Clips.Select(c => c.Slug).ToList();
            for (var i = 0; i < Clips.Count; i++)
            {
                if (!unmatched.Remove(Clips[i].Slug)) return ClipLines[i];
            }
            return ClipLines.Count > 0 ? ClipLines[0] : 0;
        }

        /// <param name="quizRefusal">The problem reported for a quiz block where none may be (the English file, a course introduction).</param>
        public static Body Read(string markdown, ProblemLog log, string courseFolder, bool quizAllowed, string quizRefusal = "QuizInEnglish")
        {
            var before = log.Count;
            if (ContentMarkdown.TryParse(markdown) is not { } document)
            {
                log.Add(0, "MarkdownTooDeep");
                return new Body([], [], null, HasProblems: true);
            }
            var clips = new List<ClipReference>();
            var clipLines = new List<int>();
            Quiz? quiz = null;
            var quizzes = 0;
            foreach (var block in ContentMarkdown.SpecialBlocks(document))
            {
                // The fence is on FenceLine (0-based); the block's YAML starts on the line after it.
                var blockLog = log.Section(block.FenceLine + 1);
                // A quiz or clip inside a list or a quote, or spelt "Quiz", would otherwise become the lesson's real
                // quiz (or pass as code showing its answers): the author is told where it is instead.
                if (block.Placement == ContentMarkdown.SpecialPlacement.Nested) log.Add(block.FenceLine + 1, "SpecialBlockNested", block.Kind);
                else if (block.Placement == ContentMarkdown.SpecialPlacement.WrongCase) log.Add(block.FenceLine + 1, "SpecialBlockCase", block.Kind);
                else if (block.Kind == ContentMarkdown.ClipBlock)
                {
                    if (ClipReference.Parse(block.Yaml, blockLog) is { } clip)
                    {
                        clips.Add(clip);
                        clipLines.Add(block.FenceLine + 1);
                    }
                }
                else if (!quizAllowed) log.Add(block.FenceLine + 1, quizRefusal);
                else if (++quizzes > 1) log.Add(block.FenceLine + 1, "MoreThanOneQuiz");
                else quiz = QuizParser.Parse(block.Yaml, blockLog);
            }
            foreach (var (url, line) in ContentMarkdown.Images(document))
            {
                if (ContentMarkdown.PicturePath(url) is not { } path) log.Add(line + 1, "ImageNotInCourse", url);
                else if (!File.Exists(Path.Combine(courseFolder, path))) log.Add(line + 1, "ImageMissing", path);
            }
            return new Body(clips, clipLines, quiz, log.Count > before);
        }
    }
}
