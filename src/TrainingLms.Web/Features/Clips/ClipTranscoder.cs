using TrainingLms.Domain.Clips;
using TrainingLms.Web.Features.Clips.Media;

namespace TrainingLms.Web.Features.Clips;

/// <summary>The finished work of one attempt: the renditions in place and the duration ffprobe measured.</summary>
public sealed record TranscodeOutput(IReadOnlyList<ClipRendition> Renditions, double DurationSeconds);

/// <summary>
/// Makes a clip's web renditions and poster from its original. An attempt writes into its own work folder and moves
/// the files into place only once ffmpeg has finished and ffprobe has read them back.
/// </summary>
public sealed class ClipTranscoder(IDbContextFactory<LmsDbContext> dbFactory, IVideoTools tools, ClipStorage storage, IOptions<ClipOptions> options)
{
    /// <summary>Share of the progress bar the renditions take; the poster and the checks are the rest.</summary>
    private const int RenditionsPercent = 95;

    public async Task<TranscodeOutput> RunAsync(int clipId, int attempt, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var clip = await SourceAsync(clipId, cancellationToken);
        var original = storage.OriginalPath(clipId, clip.OriginalExtension);
        var video = clip.Source;

        storage.DeleteWorkFolders(clipId);
        var work = Directory.CreateDirectory(storage.WorkFolder(clipId, attempt)).FullName;
        var outputs = RenditionPlan.For(video).Select(r => new RenditionOutput(r, Path.Combine(work, $"{r.ShortSide}p.mp4"))).ToList();
        await tools.RunFfmpegAsync(
            FfmpegArguments.Transcode(original, video, outputs, options.Value.X264Preset),
            new Progress<int>(percent => progress.Report(percent * RenditionsPercent / 100)), cancellationToken);

        var smallest = outputs[0].Path;
        var duration = VideoProbe.Duration(await tools.ProbeAsync(smallest, cancellationToken))
            ?? throw new VideoToolException("ffmpeg finished, but the rendition cannot be read back.");
        var poster = Path.Combine(work, ClipStorage.PosterFileName);
        await tools.RunFfmpegAsync(FfmpegArguments.Poster(smallest, Math.Min(1.0, duration / 2), poster), cancellationToken: cancellationToken);
        progress.Report(RenditionsPercent + 4);

        var renditions = new List<ClipRendition>();
        foreach (var output in outputs)
        {
            var target = storage.RenditionPath(clipId, output.Rendition.ShortSide);
            File.Move(output.Path, target, overwrite: true);
            renditions.Add(output.Rendition with { Bytes = new FileInfo(target).Length });
        }
        File.Move(poster, storage.PosterPath(clipId), overwrite: true);
        ClipStorage.TryDelete(work);
        return new TranscodeOutput(renditions, duration);
    }

    private async Task<(string OriginalExtension, VideoFacts Source)> SourceAsync(int clipId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clip = await db.Clips.Where(c => c.Id == clipId).Select(c => new { c.OriginalExtension, c.Source }).SingleAsync(cancellationToken);
        return (clip.OriginalExtension, clip.Source);
    }
}
