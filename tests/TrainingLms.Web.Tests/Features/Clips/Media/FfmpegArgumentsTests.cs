using System.Diagnostics;
using TrainingLms.Domain.Clips;
using TrainingLms.Web.Features.Clips.Media;

namespace TrainingLms.Web.Tests.Features.Clips.Media;

public class FfmpegArgumentsTests
{
    [Fact]
    public void ToCommandLine_AnyArguments_SplitBackIntoTheSameList()
    {
        string[] arguments = ["-i", "/data/my clips/原始 文件.dv", "-filter_complex", "[0:v]split=2[s0][s1];[s0]scale=854:480[v0]", "", "a\"b", @"c:\dir\", @"x\\""y", "it's", "-y"];

        // printf prints each argument it is given on its own line: what the process really received.
        var start = new ProcessStartInfo("/usr/bin/printf", "%s\\n\\0 " + FfmpegArguments.ToCommandLine(arguments)) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(arguments, output.Split("\n\0", StringSplitOptions.None)[..^1]);
    }

    [Fact]
    public void Transcode_InterlacedSourceTwoRenditions_DeinterlacesOnceThenSplits_EachOutputWebReady()
    {
        var video = new VideoFacts(1920, 1080, 1, 0, Interlaced: true, 10, HasAudio: true);
        RenditionOutput[] outputs = [new(new(854, 480, 0), "/w/480p.mp4"), new(new(1280, 720, 0), "/w/720p.mp4")];

        var args = FfmpegArguments.Transcode("/c/original.m2ts", video, outputs, "veryfast");

        Assert.Equal("[0:v]yadif=mode=send_frame:parity=auto:deint=all,split=2[s0][s1];[s0]scale=854:480:flags=bicubic,setsar=1,format=yuv420p[v0];[s1]scale=1280:720:flags=bicubic,setsar=1,format=yuv420p[v1]",
            args[args.ToList().IndexOf("-filter_complex") + 1]);
        Assert.Equal(2, args.Count(a => a == "+faststart"));
        Assert.Equal(2, args.Count(a => a == "aac"));
        Assert.Equal(["/w/480p.mp4", "/w/720p.mp4"], args.Where(a => a.StartsWith("/w/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Transcode_ProgressiveSilentSource_NoDeinterlacingAndNoAudioStream()
    {
        var video = new VideoFacts(1280, 720, 1, 0, Interlaced: false, 10, HasAudio: false);

        var args = FfmpegArguments.Transcode("/c/original.mp4", video, [new(new(854, 480, 0), "/w/480p.mp4")], "veryfast");

        Assert.DoesNotContain(args, a => a.Contains("yadif", StringComparison.Ordinal));
        Assert.DoesNotContain("0:a:0", args);
        Assert.DoesNotContain("aac", args);
    }

    public static TheoryData<string, string[]> EveryInput => new()
    {
        { "/c/uploads/x.part", [.. FfmpegArguments.Probe("/c/uploads/x.part")] },
        { "/c/uploads/x.part", [.. FfmpegArguments.DecodeCheck("/c/uploads/x.part")] },
        { "/c/1/original.dv", [.. FfmpegArguments.Transcode("/c/1/original.dv", new VideoFacts(720, 576, 16.0 / 15, 0, true, 10, true), [new(new(640, 480, 0), "/w/480p.mp4")], "veryfast")] },
        { "/w/480p.mp4", [.. FfmpegArguments.Poster("/w/480p.mp4", 1, "/w/poster.jpg")] },
    };

    [Theory]
    [MemberData(nameof(EveryInput))]
    public void EveryInput_IsReadAsAFileByAnAllowedDemuxer_NeverAPlaylistOrList(string source, string[] args)
    {
        var list = args.ToList();
        var demuxers = args[list.IndexOf("-format_whitelist") + 1].Split(',');

        Assert.Equal("file", args[list.IndexOf("-protocol_whitelist") + 1]);
        Assert.Contains("file:" + source, args);
        Assert.True(list.IndexOf("-format_whitelist") < list.IndexOf("file:" + source), "the allow-list is an input option: it comes before the input");
        Assert.Subset(new HashSet<string>([.. FfmpegArguments.VideoDemuxers, .. FfmpegArguments.AudioDemuxers]), demuxers.ToHashSet());
        Assert.DoesNotContain(demuxers, d => d is "hls" or "concat" or "dash" or "image2" or "lavfi" or "tty");
    }

    [Fact]
    public void TiedToParent_RunsTheToolThroughSetprivWithAParentDeathSignal()
    {
        var (fileName, args) = FfmpegArguments.TiedToParent("/usr/bin/ffmpeg", ["-i", "a b.dv"]);

        Assert.Equal("/usr/bin/setpriv", fileName);
        Assert.Equal(["--pdeathsig", "KILL", "--", "/usr/bin/ffmpeg", "-i", "a b.dv"], args);
    }
}
