using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Features.Clips;

public class ClipOptions
{
    public const string SectionName = "Clips";

    /// <summary>The largest file a trainer may upload: a long DV tape is several gigabytes.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>The most <see cref="ChunkBytes"/> may be: the chunk endpoint's request body limit, the only one this large.</summary>
    public const int MaxChunkBytes = 64 * 1024 * 1024;

    /// <summary>How much one request of a chunked upload carries; small enough for a weak connection to get through.</summary>
    [Range(64 * 1024, MaxChunkBytes)]
    public int ChunkBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>An upload nobody continued for this long is removed with its bytes.</summary>
    [Range(1, 24 * 30)]
    public int AbandonedUploadHours { get; set; } = 48;

    /// <summary>Transcoding jobs run at the same time; each ffmpeg uses every core already.</summary>
    [Range(1, 16)]
    public int TranscodeConcurrency { get; set; } = 1;

    /// <summary>Tries of one job, counting those a crash or restart interrupted.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>A running job's lease; a job whose worker stopped renewing it (a crash) is taken up again after this.</summary>
    [Range(2, 3600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>A failed attempt waits this long times the attempts so far before the next.</summary>
    [Range(0, 3600)]
    public int RetryDelaySeconds { get; set; } = 10;

    /// <summary>How often an idle worker looks for queued jobs.</summary>
    [Range(100, 60_000)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>The share of a clip's unique seconds that counts as watched for a lesson's required clip.</summary>
    [Range(0.1, 1.0)]
    public double RequiredWatchShare { get; set; } = 0.9;

    /// <summary>The fastest playback the player offers; reports may not claim more new seconds than this rate allows.</summary>
    [Range(1.0, 4.0)]
    public double MaxPlaybackRate { get; set; } = 2.0;

    /// <summary>The most new seconds one report may claim, however long since the last one.</summary>
    [Range(10, 3600)]
    public double MaxCreditSeconds { get; set; } = 120;

    /// <summary>x264 preset: the speed/size trade of transcoding.</summary>
    [RegularExpression("^(ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow)$")]
    public string X264Preset { get; set; } = "veryfast";

    /// <summary>
    /// The internal nginx location that serves the clips folder (e.g. <c>/_clips/</c>). When set, a clip request that
    /// came through that nginx (it sends <c>X-Sendfile-Type: X-Accel-Redirect</c>) is authorised here and its bytes are
    /// sent by nginx; any other request is served by the app as usual. Unset: the app always sends the bytes.
    /// </summary>
    [RegularExpression("^/([A-Za-z0-9_.-]+/)+$")]
    public string? AccelRedirectLocation { get; set; }
}
