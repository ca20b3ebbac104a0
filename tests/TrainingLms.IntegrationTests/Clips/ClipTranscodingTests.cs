using TrainingLms.Web.Infrastructure;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Clips;
using TrainingLms.Web.Features.Clips;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Demo;

namespace TrainingLms.IntegrationTests.Clips;

/// <summary>Transcodes with the preset the application ships with: what these tests check is what trainers get.</summary>
public sealed class ShippedPresetFactory : ClipsFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Clips:X264Preset"] = new ClipOptions().X264Preset };
}

/// <summary>
/// Checks one upload of an accepted kind through the real pipeline with ffprobe. The kinds are split over two test
/// classes, each with its own app, so that two transcodes run at once.
/// </summary>
internal static class TranscodedClipChecks
{
    /// <summary>Why the transcoding of each kind is checked in the SQLite run alone.</summary>
    public const string FfmpegsOutputOnly = "What is checked is ffmpeg's output (streams, sizes, aspect, sound), which no database touches; "
        + "the queue and clip rows it passes through are checked on PostgreSQL by ClipUploadTests, TranscodeRecoveryTests and TranscodeWorkersTests.";

    public static async Task UploadAndConfirmAsync(ShippedPresetFactory factory, MediaFiles media, SampleVideo kind, double aspect, bool hasAudio, string renditions)
    {
        var source = await media.SampleAsync(kind);
        var trainer = await factory.TrainerAsync();

        var clip = await factory.UploadReadyClipAsync(trainer, source);

        Assert.Equal(renditions, string.Join(' ', clip.Renditions.OrderBy(r => r.ShortSide).Select(r => r.Name)));
        var sourceDuration = double.Parse(MediaFiles.Probe(source).GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        foreach (var rendition in clip.Renditions)
        {
            var file = Path.Combine(factory.ClipsFolder, clip.Id.ToString(CultureInfo.InvariantCulture), rendition.Name + ".mp4");
            var probe = MediaFiles.Probe(file);
            var streams = probe.GetProperty("streams").EnumerateArray().ToList();
            var video = Assert.Single(streams, s => s.GetProperty("codec_type").GetString() == "video");
            Assert.Equal("h264", video.GetProperty("codec_name").GetString());
            Assert.Equal("yuv420p", video.GetProperty("pix_fmt").GetString());
            Assert.Equal("progressive", video.GetProperty("field_order").GetString());
            Assert.False(video.TryGetProperty("side_data_list", out _), "the picture is already upright: no rotation left for the player");
            var width = video.GetProperty("width").GetInt32();
            var height = video.GetProperty("height").GetInt32();
            Assert.Equal((rendition.Width, rendition.Height), (width, height));
            Assert.Equal(aspect, (double)width / height, 0.01);
            if (video.TryGetProperty("sample_aspect_ratio", out var sar)) Assert.Equal("1:1", sar.GetString());

            var audio = streams.Where(s => s.GetProperty("codec_type").GetString() == "audio").ToList();
            if (hasAudio) Assert.Equal("aac", Assert.Single(audio).GetProperty("codec_name").GetString());
            else Assert.Empty(audio);
            Assert.Equal(streams.Count, hasAudio ? 2 : 1);

            var boxes = MediaFiles.TopLevelBoxes(file);
            Assert.True(boxes.IndexOf("moov") < boxes.IndexOf("mdat"), $"faststart: moov before mdat, got {string.Join(",", boxes)}");
            var duration = double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
            Assert.InRange(duration, sourceDuration - 0.2, sourceDuration + 0.2);
        }
        Assert.True(File.Exists(Path.Combine(factory.ClipsFolder, clip.Id.ToString(CultureInfo.InvariantCulture), "poster.jpg")));
        Assert.True(File.Exists(Path.Combine(factory.ClipsFolder, clip.Id.ToString(CultureInfo.InvariantCulture), "original" + SampleVideos.Extension(kind))), "the original is kept");
        Assert.Equal(new FileInfo(source).Length, clip.OriginalBytes);
        Assert.InRange(clip.DurationSeconds, sourceDuration - 0.2, sourceDuration + 0.2);
    }
}

/// <summary>High-definition kinds — AVCHD camcorders and phones — uploaded, transcoded and checked with ffprobe.</summary>
public class HdClipTranscodingTests(ShippedPresetFactory factory, MediaFiles media) : IClassFixture<ShippedPresetFactory>, IClassFixture<MediaFiles>
{
    /// <summary>Each kind, the display aspect its picture must keep, whether it has sound, and the renditions it gets.</summary>
    public static TheoryData<SampleVideo, double, bool, string> Kinds => new()
    {
        { SampleVideo.AvchdM2ts, 16.0 / 9, true, "480p 720p" },
        { SampleVideo.AvchdMts, 16.0 / 9, true, "480p 720p" },
        { SampleVideo.MovH264, 16.0 / 9, true, "480p 720p" },
        { SampleVideo.Mp4Hevc, 16.0 / 9, true, "360p" },
        { SampleVideo.PortraitPhone, 9.0 / 16, true, "480p 720p" },
        { SampleVideo.NoAudio, 16.0 / 9, false, "480p 720p" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    [SqliteOnly(TranscodedClipChecks.FfmpegsOutputOnly)]
    public Task Upload_AcceptedKind_YieldsWebMp4sThatFfprobeConfirms(SampleVideo kind, double aspect, bool hasAudio, string renditions) =>
        TranscodedClipChecks.UploadAndConfirmAsync(factory, media, kind, aspect, hasAudio, renditions);
}

/// <summary>
/// Standard-definition kinds — DV tape (PAL and NTSC, 4:3 and 16:9), AVI, MPEG-2 — uploaded, transcoded and checked
/// with ffprobe; and files without a decodable video, refused.
/// </summary>
public class ClipTranscodingTests(ShippedPresetFactory factory, MediaFiles media) : IClassFixture<ShippedPresetFactory>, IClassFixture<MediaFiles>
{
    /// <summary>Each kind, the display aspect its picture must keep, whether it has sound, and the renditions it gets.</summary>
    public static TheoryData<SampleVideo, double, bool, string> Kinds => new()
    {
        { SampleVideo.PalDv43, 4.0 / 3, true, "480p" },
        { SampleVideo.PalDv169, 16.0 / 9, true, "480p" },
        { SampleVideo.NtscDv43, 4.0 / 3, true, "480p" },
        { SampleVideo.NtscDv169, 16.0 / 9, true, "480p" },
        { SampleVideo.AviDv, 16.0 / 9, true, "480p" },
        { SampleVideo.AviMjpeg, 4.0 / 3, true, "480p" },
        { SampleVideo.Mpeg2, 16.0 / 9, true, "480p" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    [SqliteOnly(TranscodedClipChecks.FfmpegsOutputOnly)]
    public Task Upload_AcceptedKind_YieldsWebMp4sThatFfprobeConfirms(SampleVideo kind, double aspect, bool hasAudio, string renditions) =>
        TranscodedClipChecks.UploadAndConfirmAsync(factory, media, kind, aspect, hasAudio, renditions);

    public static TheoryData<string> BadFiles => ["empty.mp4", "notes.mp4", "voice.mp3", "still.png", "photo.jpg", "truncated.mov", "random.avi"];

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Upload_FileWithoutADecodableVideo_IsRefusedClearly_AndLeavesNothingBehind(string name)
    {
        var trainer = await factory.TrainerAsync();
        var before = await factory.WithDbAsync(db => db.Clips.CountAsync());

        var upload = name == "empty.mp4"
            ? await EmptyUploadAsync(trainer)
            : await ClipApi.UploadAsync(trainer, media.BadPath(name), ClipApi.Details(ClipApi.NewSlug()));

        Assert.Equal(name == "empty.mp4" ? HttpStatusCode.BadRequest : HttpStatusCode.UnprocessableEntity, upload.Status);
        var message = name == "empty.mp4"
            ? JsonDocument.Parse(upload.Body).RootElement.GetProperty("errors").GetProperty("File").GetString()
            : JsonDocument.Parse(upload.Body).RootElement.GetProperty("error").GetString();
        Assert.Contains(name switch
        {
            "voice.mp3" => "只有声音没有画面",
            "still.png" or "photo.jpg" => "静态图片",
            // A phone's MP4 cut off after its first bytes: known for what it is, and broken.
            "truncated.mov" => "已损坏",
            _ => "不是视频",
        }, message);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Clips.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ClipUploads.CountAsync()));
        Assert.Empty(Directory.Exists(Path.Combine(factory.ClipsFolder, "uploads")) ? Directory.GetFiles(Path.Combine(factory.ClipsFolder, "uploads")) : []);
        // A refusal before any byte is written may leave no clips folder at all when no other test has made one yet.
        var clipFolders = Directory.Exists(factory.ClipsFolder) ? Directory.GetDirectories(factory.ClipsFolder).Count(d => Path.GetFileName(d) != "uploads") : 0;
        Assert.Equal(before, clipFolders);
    }

    // An empty file is refused before a byte is sent: there is nothing to upload.
    private static async Task<UploadOutcome> EmptyUploadAsync(HttpClient trainer)
    {
        var token = await ClipApi.TokenAsync(trainer);
        var response = await ClipApi.SendAsync(trainer, HttpMethod.Post, "/api/clips/uploads", token,
            ClipApi.Json(ClipApi.Details(ClipApi.NewSlug(), fileName: "empty.mp4", totalBytes: 0)));
        return new(response.StatusCode, null, await response.Content.ReadAsStringAsync(), null);
    }
}
