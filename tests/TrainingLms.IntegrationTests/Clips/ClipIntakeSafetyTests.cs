using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Clips;
using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Demo;

namespace TrainingLms.IntegrationTests.Clips;

/// <summary>
/// What an upload may not be: a playlist or a list of other files (which ffmpeg would follow to other clips on disk),
/// text in a video's name, or a damaged camera file passed off as something else.
/// </summary>
public class ClipIntakeSafetyTests(ClipsFactory factory, MediaFiles media) : IClassFixture<ClipsFactory>, IClassFixture<MediaFiles>
{
    private const string PlaylistMessage = "播放列表";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Upload_HlsPlaylistNamingAnotherClipsFile_IsRefusedAsAPlaylist_AndNoClipIsMade(bool absolute)
    {
        var trainer = await factory.TrainerAsync();
        // An unpublished recording: only trainers, administrators and the site's managers may see it.
        var secret = await factory.UploadReadyClipAsync(trainer, await media.SampleAsync(SampleVideo.MovH264), ClipKind.SmileDiscovery);
        var id = secret.Id.ToString(CultureInfo.InvariantCulture);
        var segment = absolute ? "file://" + Path.Combine(factory.ClipsFolder, id, "480p.mp4") : $"../{id}/480p.mp4";
        var playlist = media.BadPath($"playlist-{absolute}.mp4");
        await File.WriteAllTextAsync(playlist, $"#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:3\n#EXTINF:2.0,\n{segment}\n#EXT-X-ENDLIST\n");

        await AssertRefusedAsync(trainer, playlist, PlaylistMessage);
    }

    [Fact]
    public async Task Upload_ConcatListNamingAnotherUpload_IsRefusedAsAPlaylist_AndNoClipIsMade()
    {
        var trainer = await factory.TrainerAsync();
        var token = await ClipApi.TokenAsync(trainer);
        // Someone else's upload, every byte sent but not completed yet: its file waits beside the next upload's.
        var bytes = await File.ReadAllBytesAsync(await media.SampleAsync(SampleVideo.MovH264));
        var other = await ClipApi.StartAsync(trainer, token, ClipApi.Details(ClipApi.NewSlug(), fileName: "秘密.mov", totalBytes: bytes.Length));
        for (var offset = 0; offset < bytes.Length; offset += other.ChunkBytes)
            await ClipApi.SendAsync(trainer, HttpMethod.Put, $"/api/clips/uploads/{other.Id}?offset={offset}", token, ClipApi.Bytes(bytes.AsSpan(offset, Math.Min(other.ChunkBytes, bytes.Length - offset))));
        var list = media.BadPath("list.mp4");
        await File.WriteAllTextAsync(list, $"ffconcat version 1.0\nfile '{other.Id:N}.part'\nduration {MediaFiles.Seconds}\n");

        await AssertRefusedAsync(trainer, list, PlaylistMessage);
        Assert.Equal(bytes.Length, new FileInfo(factory.Services.GetRequiredService<ClipStorage>().UploadPath(other.Id)).Length);
    }

    [Fact]
    public async Task Upload_TextFileRenamedMp4_IsRefusedAsNotAVideo_NotAsSoundWithoutPicture()
    {
        var trainer = await factory.TrainerAsync();
        // Subtitles a trainer typed for a clip, saved as 字幕.txt and renamed: ffprobe reads them as a subtitle stream.
        var subtitles = media.BadPath("字幕.mp4");
        await File.WriteAllTextAsync(subtitles, string.Concat(Enumerable.Range(1, 20).Select(i =>
            $"{i}\n00:00:{i:00},000 --> 00:00:{i:00},900\n先起身，再问好：您好，欢迎回家。\n\n")));

        var message = await AssertRefusedAsync(trainer, subtitles, "不是可接受的视频");
        Assert.DoesNotContain("声音", message);
    }

    /// <summary>A DV tape capture cut off while copying: in its first frame, or a few frames in.</summary>
    [Theory]
    [InlineData(72_000)]
    [InlineData(144_000 * 5 + 50_000)]
    public async Task Upload_DvFileCutOffEarly_IsReportedAsDamaged_NotAsAStillPicture(int keptBytes)
    {
        var trainer = await factory.TrainerAsync();
        var whole = await File.ReadAllBytesAsync(await media.SampleAsync(SampleVideo.PalDv43));
        var damaged = media.BadPath($"cut-{keptBytes}.dv");
        await File.WriteAllBytesAsync(damaged, whole[..keptBytes]);

        var message = await AssertRefusedAsync(trainer, damaged, "已损坏");
        Assert.DoesNotContain("静态图片", message);
    }

    /// <summary>Uploads the file and checks it is refused with a message saying <paramref name="expected"/>, leaving nothing behind.</summary>
    private async Task<string> AssertRefusedAsync(HttpClient trainer, string file, string expected)
    {
        var clipsBefore = await factory.WithDbAsync(db => db.Clips.CountAsync());

        var upload = await ClipApi.UploadAsync(trainer, file, ClipApi.Details(ClipApi.NewSlug()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.Status);
        var message = JsonDocument.Parse(upload.Body).RootElement.GetProperty("error").GetString()!;
        Assert.Contains(expected, message);
        Assert.Contains("未保留任何内容", message);
        Assert.Equal(clipsBefore, await factory.WithDbAsync(db => db.Clips.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ClipUploads.CountAsync(u => u.Id == upload.UploadId)));
        Assert.False(File.Exists(factory.Services.GetRequiredService<ClipStorage>().UploadPath(upload.UploadId!.Value)));
        return message;
    }
}
