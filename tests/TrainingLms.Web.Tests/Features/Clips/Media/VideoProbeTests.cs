using TrainingLms.Web.Features.Clips.Media;

namespace TrainingLms.Web.Tests.Features.Clips.Media;

/// <summary>ffprobe's words, as Debian's ffprobe 5.1 prints them, read into a verdict.</summary>
public class VideoProbeTests
{
    private const string Whitelist = "Format not on whitelist 'mov,avi,dv,matroska,mpeg,mpegts,mp3,wav,aac,flac,amr'";

    [Theory]
    [InlineData("hls", ClipRejection.Playlist)]
    [InlineData("concat", ClipRejection.Playlist)]
    [InlineData("dash", ClipRejection.Playlist)]
    [InlineData("png_pipe", ClipRejection.StillImage)]
    [InlineData("jpeg_pipe", ClipRejection.StillImage)]
    [InlineData("image2", ClipRejection.StillImage)]
    [InlineData("flv", ClipRejection.UnsupportedFormat)]
    [InlineData("srt", ClipRejection.UnsupportedFormat)]
    public void Read_DemuxerRefusedByTheAllowList_SaysWhatTheFileIs(string demuxer, ClipRejection expected)
    {
        var result = VideoProbe.Read(new ProbeOutput("", $"[{demuxer} @ 0x5584982c9280] {Whitelist}\nfile:/data/clips/uploads/x.part: Invalid argument"));

        Assert.Equal((null, expected, demuxer), (result.Video, result.Rejection, result.FormatName));
    }

    [Theory]
    [InlineData("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5585e0f27280] moov atom not found\nfile:/d/x.part: Invalid data found when processing input", ClipRejection.Damaged)]
    [InlineData("[matroska,webm @ 0x5585e0f27280] EBML header parsing failed\nfile:/d/x.part: Invalid data found when processing input", ClipRejection.Damaged)]
    [InlineData("file:/d/x.part: Invalid data found when processing input", ClipRejection.Unreadable)]
    [InlineData("", ClipRejection.Unreadable)]
    public void Read_NothingRead_DamagedOnlyWhenAnAllowedContainerKnewTheFile(string errors, ClipRejection expected)
    {
        Assert.Equal(expected, VideoProbe.Read(new ProbeOutput("", errors)).Rejection);
    }

    [Theory]
    [InlineData(72_000, ClipRejection.Damaged)]
    [InlineData(144_000 * 5 + 50_000, ClipRejection.Damaged)]
    [InlineData(144_000 * 5, ClipRejection.StillImage)]
    public void Read_ShortRawDv_CutMidFrameIsDamaged_WholeFramesAreAPicture(long size, ClipRejection expected)
    {
        var seconds = (Math.Max(1, size / 144_000) / 25.0).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);
        var json = $$"""
            {"packets": [{"stream_index": 0, "size": "144000"}],
             "streams": [{"codec_type": "video", "codec_name": "dvvideo", "width": 720, "height": 576, "duration": "{{seconds}}"},
                         {"codec_type": "audio", "codec_name": "pcm_s16le"}],
             "format": {"format_name": "dv", "duration": "{{seconds}}", "size": "{{size}}"} }
            """;

        Assert.Equal(expected, VideoProbe.Read(new ProbeOutput(json, "")).Rejection);
    }

    [Fact]
    public void Read_SoundOnly_IsNoVideo_AndAVideoInAnAllowedContainer_IsAccepted()
    {
        const string mp3 = """{"streams": [{"codec_type": "audio", "codec_name": "mp3"}], "format": {"format_name": "mp3", "duration": "2.0"}}""";
        const string mov = """
            {"streams": [{"codec_type": "video", "codec_name": "h264", "width": 1280, "height": 720, "field_order": "progressive"}, {"codec_type": "audio", "codec_name": "aac"}],
             "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "2.000000", "size": "300000"}}
            """;

        Assert.Equal(ClipRejection.NoVideo, VideoProbe.Read(new ProbeOutput(mp3, "")).Rejection);
        var accepted = VideoProbe.Read(new ProbeOutput(mov, ""));
        Assert.Null(accepted.Rejection);
        Assert.Equal((1280, 720, 2.0, true), (accepted.Video!.Width, accepted.Video.Height, accepted.Video.DurationSeconds, accepted.Video.HasAudio));
    }
}
