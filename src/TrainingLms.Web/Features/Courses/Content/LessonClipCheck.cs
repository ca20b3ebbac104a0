using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses.Content;

/// <summary>A clip block in content/ naming a clip the library does not hold (yet).</summary>
public sealed record UnknownClip(string File, int Line, string Slug);

/// <summary>
/// Finds the clip blocks in content/courses whose clip is not in the library, with the file and line to fix.
/// They are reported beside the content problems but do not hold a course back: courses and clips arrive
/// separately (the course is often written before the clip is filmed), and a learner sees "not yet available"
/// until a trainer uploads a clip under that name.
/// </summary>
public sealed class LessonClipCheck(IDbContextFactory<LmsDbContext> dbFactory, CourseSync sync, ILogger<LessonClipCheck> logger)
{
    public async Task<IReadOnlyList<UnknownClip>> FindAsync(CancellationToken cancellationToken = default)
    {
        var courses = Path.Combine(sync.ContentPath, "courses");
        if (!Directory.Exists(courses)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var known = (await db.Clips.Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var unknown = new List<UnknownClip>();
        foreach (var file in Directory.EnumerateFiles(courses, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = FrontMatter.Normalise(await File.ReadAllTextAsync(file, cancellationToken));
            var split = FrontMatter.Split(text, new ProblemLog("", []));
            var body = split?.Body ?? text;
            var offset = split?.BodyLineOffset ?? 0;
            if (ContentMarkdown.TryParse(body) is not { } document) continue;
            foreach (var block in ContentMarkdown.SpecialBlocks(document).Where(b => b.Kind == ContentMarkdown.ClipBlock))
            {
                if (ClipReference.Parse(block.Yaml, new ProblemLog("", [])) is not { } clip || known.Contains(clip.Slug)) continue;
                unknown.Add(new UnknownClip(Path.GetRelativePath(sync.ContentPath, file).Replace('\\', '/'), offset + block.FenceLine + 1, clip.Slug));
            }
        }
        return unknown;
    }

    /// <summary>Logs the clip blocks the library cannot serve yet, once the content is published at start.</summary>
    public async Task LogAsync(CancellationToken cancellationToken = default)
    {
        foreach (var clip in await FindAsync(cancellationToken))
            logger.LogWarning("Content notice {File}:{Line}: the clip {Slug} is not in the clip library yet; learners see \"not yet available\"", clip.File, clip.Line, clip.Slug);
    }
}
