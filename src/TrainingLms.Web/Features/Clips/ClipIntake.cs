using TrainingLms.Domain.Clips;
using TrainingLms.Web.Features.Clips.Media;

namespace TrainingLms.Web.Features.Clips;

/// <summary>The outcome of taking a file into the library: the new clip, or why not.</summary>
public sealed record IntakeResult(int? ClipId, ClipRejection? Rejection, IReadOnlyDictionary<string, string> Errors)
{
    public bool Accepted => ClipId is not null;
}

/// <summary>
/// Takes a file that is on disk into the library: probes it (by its content, not its name), refuses what holds no
/// decodable video — deleting the file, so nothing is left behind — and otherwise stores it as the clip's original
/// and queues its transcoding. Uploads and the demo both come through here.
/// </summary>
public sealed class ClipIntake(
    IDbContextFactory<LmsDbContext> dbFactory, IVideoTools tools, ClipStorage storage, ClipDetailsRules rules,
    IOptions<ClipOptions> options, TimeProvider clock, ILogger<ClipIntake> logger)
{
    /// <summary>Details errors leave the file where it is, so the trainer can correct them and try again.</summary>
    public async Task<IntakeResult> AcceptAsync(string file, string originalFileName, ClipDetails details, string uploaderId, CancellationToken cancellationToken = default)
    {
        details = details.Tidy();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await rules.CheckAsync(db, details, null, cancellationToken);
        if (errors.Count > 0) return new IntakeResult(null, null, errors);

        var probe = await ProbeAsync(file, cancellationToken);
        if (probe.Video is not { } video)
        {
            logger.LogInformation("Refused {File} as a clip: {Rejection} (format {Format}, codec {Codec})", originalFileName, probe.Rejection, probe.FormatName, probe.VideoCodec);
            ClipStorage.TryDelete(file);
            return new IntakeResult(null, probe.Rejection, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (displayWidth, displayHeight) = RenditionPlan.DisplaySize(video);
        var clip = new Clip
        {
            Slug = details.Slug,
            Title = details.Title,
            OriginalFileName = Path.GetFileName(originalFileName),
            OriginalExtension = ExtensionOf(originalFileName),
            OriginalBytes = new FileInfo(file).Length,
            Source = video,
            DurationSeconds = video.DurationSeconds,
            DisplayWidth = displayWidth,
            DisplayHeight = displayHeight,
            UploadedById = uploaderId,
            UploadedAtUtc = now,
        };
        details.ApplyTo(clip);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Clips.Add(clip);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueIndex.IsViolation(e))
        {
            // Another upload took the slug between the check and now.
            return new IntakeResult(null, null, new Dictionary<string, string> { [nameof(ClipDetails.Slug)] = ClipDetailsRules.DuplicateMessage });
        }
        var original = storage.OriginalPath(clip.Id, clip.OriginalExtension);
        Directory.CreateDirectory(storage.ClipFolder(clip.Id));
        File.Move(file, original);
        try
        {
            db.TranscodeJobs.Add(NewJob(clip.Id, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            File.Move(original, file);
            storage.DeleteClip(clip.Id);
            throw;
        }
        logger.LogInformation("Clip {ClipId} {Slug} accepted: {Width}x{Height} display, {Duration:0.0} s, interlaced {Interlaced}; transcoding queued",
            clip.Id, clip.Slug, displayWidth, displayHeight, video.DurationSeconds, video.Interlaced);
        return new IntakeResult(clip.Id, null, errors);
    }

    public TranscodeJob NewJob(int clipId, DateTime now) =>
        new() { ClipId = clipId, MaxAttempts = options.Value.MaxAttempts, CreatedAtUtc = now, NotBeforeUtc = now };

    /// <summary>
    /// Probes the file and decodes its first frames: a file that probes but cannot be decoded is refused too, as damaged
    /// when its codec is one ffmpeg knows. A video too short to be a clip is decoded as well, to tell a damaged one from
    /// a picture.
    /// </summary>
    public async Task<ProbeResult> ProbeAsync(string file, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(file) || new FileInfo(file).Length == 0) return ProbeResult.Rejected(ClipRejection.Unreadable);
        var probe = VideoProbe.Read(await tools.ProbeAsync(file, cancellationToken));
        var shortVideo = probe.Rejection == ClipRejection.StillImage && VideoProbe.IsVideoDemuxer(probe.FormatName);
        if (probe.Video is null && !shortVideo) return probe;
        try
        {
            await tools.RunFfmpegAsync(FfmpegArguments.DecodeCheck(file), cancellationToken: cancellationToken);
            return probe;
        }
        catch (VideoToolException e)
        {
            logger.LogInformation("Decoding {File} failed: {Error}", file, e.Message);
            // ffmpeg's words when it has no decoder for the codec at all, rather than failing on what the file holds.
            var unsupported = e.Message.Contains("Decoder (codec", StringComparison.Ordinal);
            return ProbeResult.Rejected(unsupported ? ClipRejection.Undecodable : ClipRejection.Damaged, probe.FormatName, probe.VideoCodec);
        }
    }

    /// <summary>The original keeps its extension for those who download it; anything odd becomes ".bin".</summary>
    public static string ExtensionOf(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension.Length is > 1 and <= 8 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension : ".bin";
    }
}
