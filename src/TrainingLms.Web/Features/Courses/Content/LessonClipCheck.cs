using System.Collections.Concurrent;
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
public sealed class LessonClipCheck(IDbContextFactory<LmsDbContext> dbFactory, CourseSync sync, LessonClipBlocks blocks, ILogger<LessonClipCheck> logger)
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
            foreach (var (line, slug) in await blocks.InAsync(file, cancellationToken))
            {
                if (!known.Contains(slug)) unknown.Add(new UnknownClip(Path.GetRelativePath(sync.ContentPath, file).Replace('\\', '/'), line, slug));
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

/// <summary>
/// The clip blocks of each course file (line and clip slug), parsed once per version of the file: the content page
/// lists them on every view, and parsing every lesson's Markdown each time cost it most of its time. A file is known
/// by its path, size and time of last change, so an edited file is parsed again, on every instance.
/// </summary>
public sealed class LessonClipBlocks
{
    private readonly ConcurrentDictionary<string, Parsed> files = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<(int Line, string Slug)>> InAsync(string file, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(file);
        var version = (info.LastWriteTimeUtc, info.Length);
        if (files.TryGetValue(file, out var parsed) && parsed.Version == version) return parsed.Blocks;
        var text = FrontMatter.Normalise(await File.ReadAllTextAsync(file, cancellationToken));
        var split = FrontMatter.Split(text, new ProblemLog("", []));
        var offset = split?.BodyLineOffset ?? 0;
        List<(int Line, string Slug)> found = [];
        if (ContentMarkdown.TryParse(split?.Body ?? text) is { } document)
        {
            found = [.. ContentMarkdown.SpecialBlocks(document).Where(b => b.Kind == ContentMarkdown.ClipBlock)
                .Select(b => (Block: b, Clip: ClipReference.Parse(b.Yaml, new ProblemLog("", []))))
                .Where(b => b.Clip is not null)
                .Select(b => (offset + b.Block.FenceLine + 1, b.Clip!.Slug))];
        }
        files[file] = new Parsed(version, found);
        return found;
    }

    private sealed record Parsed((DateTime Written, long Length) Version, IReadOnlyList<(int Line, string Slug)> Blocks);
}
