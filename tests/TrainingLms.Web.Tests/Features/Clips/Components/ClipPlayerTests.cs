using Bunit;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Clips.Components;

namespace TrainingLms.Web.Tests.Features.Clips.Components;

public class ClipPlayerTests : LocalizedContext
{
    public static PlayerModel Model(double watchedShare = 0.4, bool watched = false, params ClipRendition[] renditions) => new(
        7, "smile-standard-demo", "标准微笑示范", 75, 854, 480,
        renditions.Length > 0 ? renditions : [new ClipRendition(854, 480, 1000), new ClipRendition(1280, 720, 2000)], HasPoster: true,
        [
            new MomentView(1, 5, MomentKind.GoodExample, EtiquettePoint.Smile, "嘴角微微上扬"),
            new MomentView(2, 65.5, MomentKind.ToCorrect, EtiquettePoint.Greet, ""),
        ],
        new WatchProgress(watchedShare * 75, 75, watchedShare, watched, 30), 0.9);

    private IRenderedComponent<ClipPlayer> RenderPlayer(PlayerModel model, bool required = false) =>
        Render<ClipPlayer>(p => p.Add(c => c.Model, model).Add(c => c.Required, required).Add(c => c.ShowTitle, true));

    [Fact]
    public void ClipPlayer_Ready_VideoWithPosterSmallestRenditionFirst_AndTheChoiceOfRenditions()
    {
        UseCulture("zh-CN");

        var cut = RenderPlayer(Model());

        var video = cut.Find("video");
        Assert.Equal("/clips/7/poster.jpg", video.GetAttribute("poster"));
        Assert.Equal("/clips/7/video/480p.mp4", video.GetAttribute("src"));
        Assert.NotNull(video.GetAttribute("playsinline"));
        Assert.Equal(["480p", "720p"], cut.FindAll("select[data-rendition] option").Select(o => Text(o)));
        Assert.Equal("/clips/7/video/720p.mp4", cut.FindAll("select[data-rendition] option")[1].GetAttribute("value"));
        var root = cut.Find("[data-clip-player]");
        Assert.Equal("/api/clips/7/watch", root.GetAttribute("data-report-url"));
        Assert.Equal("30", root.GetAttribute("data-resume"));
        Assert.Equal("40%", Text(cut.Find("[data-watched-share]")));
        Assert.Equal("/clips/7", cut.Find(".clip-bar a").GetAttribute("href"));
    }

    [Fact]
    public void ClipPlayer_ReadyClipWithoutRenditions_SaysSoInsteadOfFailing()
    {
        UseCulture("zh-CN");

        var cut = RenderPlayer(Model() with { Renditions = [] });

        Assert.Empty(cut.FindAll("video"));
        Assert.Contains("这个视频还没有可播放的文件", cut.Find("[role=status]").TextContent);
    }

    [Fact]
    public void ClipPlayer_StartAt_StartsThereRatherThanWhereTheViewerStopped()
    {
        UseCulture("zh-CN");

        var cut = Render<ClipPlayer>(p => p.Add(c => c.Model, Model()).Add(c => c.StartAt, 65));

        Assert.Equal("65", cut.Find("[data-clip-player]").GetAttribute("data-resume"));
    }

    [Fact]
    public void ClipPlayer_Moments_ListedInEnglishAsButtonsThatSeek()
    {
        UseCulture("en-US");

        var cut = RenderPlayer(Model());

        var moments = cut.FindAll(".clip-moments button[data-seek]");
        Assert.Equal(["5", "65.5"], moments.Select(m => m.GetAttribute("data-seek")));
        Assert.Equal("0:05 Good example Smile 嘴角微微上扬", Text(moments[0]));
        Assert.Equal("1:05 To correct Greet", Text(moments[1]));
    }

    [Fact]
    public void ClipPlayer_RequiredInALesson_ShowsTheShareThatCounts_GreenOnceWatched()
    {
        UseCulture("zh-CN");

        var pending = RenderPlayer(Model(), required: true).Find("[data-required-badge]");
        var done = RenderPlayer(Model(0.95, watched: true), required: true).Find("[data-required-badge]");

        Assert.Equal("看满 90% 算作看完", Text(pending));
        Assert.Contains("text-bg-light", pending.ClassList);
        Assert.Contains("text-bg-success", done.ClassList);
    }

    [Fact]
    public void ClipPlayer_OneRendition_NoChoice_AndNotRequired_NoBadge()
    {
        UseCulture("zh-CN");

        var cut = RenderPlayer(Model(renditions: new ClipRendition(640, 480, 100)));

        Assert.Empty(cut.FindAll("select[data-rendition]"));
        Assert.Empty(cut.FindAll("[data-required-badge]"));
        Assert.Equal("/clips/7/video/480p.mp4", cut.Find("video").GetAttribute("src"));
    }
}
