using Bunit;
using TrainingLms.Web.Features.Courses.Components;

namespace TrainingLms.Web.Tests.Features.Courses.Components;

public class LessonBodyTests : LessonRendererContext
{
    private const string Lesson = """
        ## 见面

        见面时**微笑**点头。![微笑](images/smile.png)

        ```clip
        slug: smile-standard-demo
        required: true
        ```

        ```clip
        slug: greeting-extra
        ```

        <script>alert(1)</script>
        """;

    private IRenderedComponent<LessonBody> RenderLesson(string markdown = Lesson) =>
        Render<LessonBody>(p => p.Add(c => c.Markdown, markdown).Add(c => c.CourseSlug, "greeting-basics"));

    [Fact]
    public void LessonBody_Markdown_RendersTheSanitisedHtml()
    {
        UseCulture("zh-CN");

        var cut = RenderLesson();

        Assert.Equal("见面", Text(cut.Find(".lesson-body h2#见面")));
        Assert.Equal("微笑", Text(cut.Find(".lesson-body p strong")));
        Assert.Equal("/learning/media/greeting-basics/images/smile.png", cut.Find(".lesson-body img").GetAttribute("src"));
        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("<script>alert(1)</script>", cut.Find(".lesson-body").TextContent);
    }

    [Fact]
    public void LessonBody_ClipInTheLibrary_RendersThePlayer_MarkedRequired_OthersStayNotAvailable()
    {
        UseCulture("zh-CN");
        var players = new Dictionary<string, TrainingLms.Web.Features.Clips.PlayerModel> { ["smile-standard-demo"] = Clips.Components.ClipPlayerTests.Model() };

        var cut = Render<LessonBody>(p => p.Add(c => c.Markdown, Lesson).Add(c => c.CourseSlug, "greeting-basics").Add(c => c.Players, players));

        Assert.Equal("/clips/7/video/480p.mp4", cut.Find(".lesson-body [data-clip-player] video").GetAttribute("src"));
        Assert.NotNull(cut.Find(".lesson-body [data-clip-player] [data-required-badge]"));
        Assert.Equal("greeting-extra", Text(cut.Find(".lesson-body .clip-missing .text-muted")));
    }

    [Fact]
    public void LessonBody_ClipsNotInTheLibrary_NotAvailableBoxInChinese()
    {
        UseCulture("zh-CN");

        var cut = RenderLesson();

        var boxes = cut.FindAll(".lesson-body .clip-missing[role=note]");
        Assert.Equal(2, boxes.Count);
        Assert.Equal(["培训视频暂未上线", "培训视频暂未上线"], boxes.Select(b => Text(b.QuerySelector("strong")!)));
        Assert.Equal(["smile-standard-demo", "greeting-extra"], boxes.Select(b => Text(b.QuerySelector(".text-muted")!)));
        Assert.Equal("必看", Text(boxes[0].QuerySelector(".badge")!));
        Assert.Null(boxes[1].QuerySelector(".badge"));
    }

    [Fact]
    public void LessonBody_ClipInEnglish_NotAvailableBoxInEnglish()
    {
        UseCulture("en-US");

        var cut = RenderLesson("Watch this:\n\n```clip\nslug: smile-standard-demo\nrequired: true\n```\n");

        var box = cut.Find(".clip-missing");
        Assert.Equal("Training clip not yet available", Text(box.QuerySelector("strong")!));
        Assert.Equal("required", Text(box.QuerySelector(".badge")!));
        Assert.Equal("Watch this:", Text(cut.Find(".lesson-body p")));
    }

    [Fact]
    public void LessonBody_PartsInOrder_TextClipText()
    {
        UseCulture("zh-CN");

        var cut = RenderLesson("第一段。\n\n```clip\nslug: smile-standard-demo\n```\n\n第二段。\n");

        var children = cut.Find(".lesson-body").Children.Select(e => e.LocalName + ":" + Text(e)).ToArray();
        Assert.Equal(["p:第一段。", "div:培训视频暂未上线 smile-standard-demo", "p:第二段。"], children);
    }
}
