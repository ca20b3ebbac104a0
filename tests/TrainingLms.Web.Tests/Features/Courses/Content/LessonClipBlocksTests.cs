using TrainingLms.Web.Features.Courses.Content;

namespace TrainingLms.Web.Tests.Features.Courses.Content;

/// <summary>The clip blocks of a course file are parsed once per version of the file: an edit shows on the next look.</summary>
public sealed class LessonClipBlocksTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("clip-blocks-").FullName;

    private static string Lesson(params string[] slugs) =>
        "---\ntitle: 微笑\n---\n\n# 微笑\n\n" + string.Concat(slugs.Select(slug => $"看一段视频：\n\n```clip\nslug: {slug}\n```\n\n"));

    [Fact]
    public async Task InAsync_FindsEachClipBlockWithItsLine_AndAnEditedFileIsReadAgain()
    {
        var file = Path.Combine(folder, "02-smile.md");
        await File.WriteAllTextAsync(file, Lesson("smile-a"));
        var blocks = new LessonClipBlocks();

        Assert.Equal([(9, "smile-a")], await blocks.InAsync(file));

        await File.WriteAllTextAsync(file, Lesson("smile-a", "smile-b"));
        Assert.Equal([(9, "smile-a"), (15, "smile-b")], await blocks.InAsync(file));

        // The same length, another clip: the time of the change tells them apart.
        await File.WriteAllTextAsync(file, Lesson("smile-a", "smile-c"));
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(1));
        Assert.Equal([(9, "smile-a"), (15, "smile-c")], await blocks.InAsync(file));
    }

    [Fact]
    public async Task InAsync_MalformedFrontMatterOrNoBlocks_FindsNothing_WithoutThrowing()
    {
        var file = Path.Combine(folder, "03-greet.md");
        await File.WriteAllTextAsync(file, "---\ntitle: [unclosed\n---\n# 问好\n");

        Assert.Empty(await new LessonClipBlocks().InAsync(file));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
