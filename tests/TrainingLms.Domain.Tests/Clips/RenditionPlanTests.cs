using TrainingLms.Domain.Clips;

namespace TrainingLms.Domain.Tests.Clips;

public class RenditionPlanTests
{
    public static TheoryData<string, VideoFacts, int, int, string> Sources => new()
    {
        // DV has non-square pixels: the picture is made square at the display aspect it was filmed for.
        { "PAL DV 4:3", new(720, 576, 16.0 / 15, 0, true, 10, true), 768, 576, "640x480" },
        { "PAL DV 16:9", new(720, 576, 64.0 / 45, 0, true, 10, true), 1024, 576, "854x480" },
        { "NTSC DV 4:3", new(720, 480, 8.0 / 9, 0, true, 10, true), 640, 480, "640x480" },
        { "NTSC DV 16:9", new(720, 480, 32.0 / 27, 0, true, 10, true), 854, 480, "854x480" },
        { "AVCHD 1080i", new(1920, 1080, 1, 0, true, 10, true), 1920, 1080, "854x480 1280x720" },
        { "HDV 1440x1080 anamorphic", new(1440, 1080, 4.0 / 3, 0, true, 10, true), 1920, 1080, "854x480 1280x720" },
        // A phone's portrait video: stored sideways, turned upright; "480p" is the shorter side.
        { "phone portrait", new(1920, 1080, 1, 90, false, 10, true), 1080, 1920, "480x854 720x1280" },
        { "phone upside down", new(1920, 1080, 1, 180, false, 10, true), 1920, 1080, "854x480 1280x720" },
        { "720p", new(1280, 720, 1, 0, false, 10, false), 1280, 720, "854x480 1280x720" },
        // Never upscaled: a small source keeps its own size as its only rendition.
        { "VGA", new(640, 480, 1, 0, false, 10, true), 640, 480, "640x480" },
        { "QVGA", new(320, 240, 1, 0, false, 10, true), 320, 240, "320x240" },
        { "odd sizes", new(321, 241, 1, 0, false, 10, true), 322, 242, "322x242" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void For_Source_DisplaySizeAndRenditions(string source, VideoFacts video, int displayWidth, int displayHeight, string renditions)
    {
        Assert.Equal((displayWidth, displayHeight), RenditionPlan.DisplaySize(video));
        Assert.Equal(renditions, string.Join(' ', RenditionPlan.For(video).Select(r => $"{r.Width}x{r.Height}")));
        Assert.NotEmpty(source);
    }

    [Fact]
    public void For_AnySource_DimensionsAreEvenForYuv420()
    {
        var video = new VideoFacts(1001, 777, 1.1, 0, false, 10, true);

        Assert.All(RenditionPlan.For(video), r => Assert.True(r.Width % 2 == 0 && r.Height % 2 == 0, $"{r.Width}x{r.Height}"));
    }

    [Fact]
    public void Rendition_Name_IsItsShorterSide()
    {
        Assert.Equal("480p", new ClipRendition(480, 854, 0).Name);
        Assert.Equal("720p", new ClipRendition(1280, 720, 0).Name);
    }
}
