using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingLms.Domain.Clips;

namespace TrainingLms.Web.Features.Clips.Media;

/// <summary>Why a file is not accepted as a clip; each has its own message for the trainer.</summary>
public enum ClipRejection
{
    /// <summary>Empty, text, random bytes: ffprobe finds no media in it.</summary>
    Unreadable = 1,
    NoVideo = 2,
    /// <summary>A picture, or a video too short to be anything but one.</summary>
    StillImage = 3,
    /// <summary>The video is coded in a way ffmpeg here cannot decode.</summary>
    Undecodable = 4,
    /// <summary>A camera's or phone's kind of file, cut off or corrupted: its container is known, its contents broken.</summary>
    Damaged = 5,
    /// <summary>A playlist or a list of other files (HLS, DASH, a concat list), never taken: it would make a clip of other files.</summary>
    Playlist = 6,
    /// <summary>A format ffmpeg knows but cameras and phones do not record in (FLV, WMV, subtitles …).</summary>
    UnsupportedFormat = 7,
}

/// <summary>The probe's verdict: the video's facts, or why the file is refused.</summary>
public sealed record ProbeResult(VideoFacts? Video, ClipRejection? Rejection, string FormatName, string VideoCodec)
{
    public static ProbeResult Rejected(ClipRejection rejection, string format = "", string codec = "") => new(null, rejection, format, codec);
}

/// <summary>
/// Reads what ffprobe said (<see cref="FfmpegArguments.Probe"/>): decides by what is in the file, never by its name. A
/// file no allowed demuxer may read is refused by ffprobe itself, which names the demuxer it refused; that name says
/// what the file is.
/// </summary>
public static partial class VideoProbe
{
    /// <summary>Shorter than this is a picture, not a clip.</summary>
    public const double MinDurationSeconds = 0.5;

    private static readonly string[] InterlacedFieldOrders = ["tt", "bb", "tb", "bt"];

    private static readonly string[] PlaylistDemuxers = ["hls", "dash", "concat", "imf", "webm_dash_manifest"];

    public static ProbeResult Read(ProbeOutput output)
    {
        if (RefusedDemuxer(output.Errors) is { } refused) return ProbeResult.Rejected(Refusal(refused), refused);
        JsonDocument document;
        try { document = JsonDocument.Parse(string.IsNullOrWhiteSpace(output.Json) ? "{}" : output.Json); }
        catch (JsonException) { return ProbeResult.Rejected(Unread(output.Errors)); }
        using (document)
        {
            var root = document.RootElement;
            var format = root.TryGetProperty("format", out var f) ? f : default;
            var formatName = Text(format, "format_name");
            var streams = Items(root, "streams");
            if (streams.Count == 0) return ProbeResult.Rejected(Unread(output.Errors), formatName);

            var video = streams.FirstOrDefault(stream => Text(stream, "codec_type") == "video" && !IsAttachedPicture(stream));
            if (video.ValueKind != JsonValueKind.Object) return ProbeResult.Rejected(ClipRejection.NoVideo, formatName);
            var codec = Text(video, "codec_name");
            if (!IsVideoDemuxer(formatName)) return ProbeResult.Rejected(ClipRejection.UnsupportedFormat, formatName, codec);

            var duration = Number(format, "duration") ?? Number(video, "duration") ?? 0;
            if (duration < MinDurationSeconds)
                return ProbeResult.Rejected(EndsMidFrame(root, format, formatName) ? ClipRejection.Damaged : ClipRejection.StillImage, formatName, codec);

            var width = (int)(Number(video, "width") ?? 0);
            var height = (int)(Number(video, "height") ?? 0);
            if (width <= 0 || height <= 0 || codec is "" or "none") return ProbeResult.Rejected(ClipRejection.Undecodable, formatName, codec);

            var facts = new VideoFacts(
                width, height, Ratio(Text(video, "sample_aspect_ratio")), Rotation(video),
                Interlaced: InterlacedFieldOrders.Contains(Text(video, "field_order")) || codec == "dvvideo",
                duration, HasAudio: streams.Any(stream => Text(stream, "codec_type") == "audio"));
            return new ProbeResult(facts, null, formatName, codec);
        }
    }

    /// <summary>"mov,mp4,m4a,3gp,3g2,mj2" is one demuxer with all its names; any of them may be the allowed one.</summary>
    public static bool IsVideoDemuxer(string formatName) => formatName.Split(',').Intersect(FfmpegArguments.VideoDemuxers).Any();

    /// <summary>The demuxer ffprobe recognised the file by and refused for not being allowed.</summary>
    private static string? RefusedDemuxer(string errors) =>
        ErrorLines(errors).FirstOrDefault(line => line.Message.StartsWith("Format not on whitelist", StringComparison.Ordinal)).Demuxer;

    private static ClipRejection Refusal(string demuxer) =>
        PlaylistDemuxers.Contains(demuxer) ? ClipRejection.Playlist
        : demuxer is "image2" or "image2pipe" or "mpjpeg" || demuxer.EndsWith("_pipe", StringComparison.Ordinal) ? ClipRejection.StillImage
        : ClipRejection.UnsupportedFormat;

    /// <summary>Nothing read: damaged when an allowed demuxer knew the file for its kind and then failed on it (a cut-off MP4 lacks its index).</summary>
    private static ClipRejection Unread(string errors) =>
        ErrorLines(errors).Any(line => IsVideoDemuxer(line.Demuxer)) ? ClipRejection.Damaged : ClipRejection.Unreadable;

    /// <summary>
    /// Raw DV is a row of frames of one size, so a file that is not a whole number of them was cut off mid-frame: a
    /// capture or a copy that broke. ffprobe pads the last frame and reports no error, so this is the way to tell.
    /// </summary>
    private static bool EndsMidFrame(JsonElement root, JsonElement format, string formatName)
    {
        if (formatName != "dv" || Number(format, "size") is not { } size) return false;
        var frame = Items(root, "packets").Select(packet => Number(packet, "size")).FirstOrDefault(s => s > 0);
        return frame is { } frameSize && size % frameSize != 0;
    }

    private static IEnumerable<(string Demuxer, string Message)> ErrorLines(string errors) =>
        errors.Split('\n').Select(line => ErrorLine().Match(line)).Where(m => m.Success).Select(m => (m.Groups["demuxer"].Value, m.Groups["message"].Value));

    /// <summary>The duration ffprobe reports for a finished file, in seconds.</summary>
    public static double? Duration(ProbeOutput output)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(output.Json) ? "{}" : output.Json);
            return document.RootElement.TryGetProperty("format", out var format) ? Number(format, "duration") : null;
        }
        catch (JsonException) { return null; }
    }

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var disposition) && disposition.TryGetProperty("attached_pic", out var attached)
        && attached.ValueKind == JsonValueKind.Number && attached.GetInt32() == 1;

    private static int Rotation(JsonElement video)
    {
        if (video.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
            foreach (var item in sideData.EnumerateArray())
                if (Number(item, "rotation") is { } rotation) return (int)Math.Round(rotation);
        return video.TryGetProperty("tags", out var tags) && Number(tags, "rotate") is { } rotate ? (int)Math.Round(rotate) : 0;
    }

    /// <summary>"16:15" → 1.0667; "0:1", "N/A" or nothing → square pixels.</summary>
    private static double Ratio(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x > 0 && y > 0
            ? x / y : 1;
    }

    private static List<JsonElement> Items(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray().ToList() : [];

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    // ffprobe writes most numbers as strings ("3.000000") and some as numbers (width).
    private static double? Number(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
        return value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number : null;
    }

    // "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d1c0a3f280] moov atom not found"
    [GeneratedRegex(@"^\[(?<demuxer>[\w,]+) @ 0x[0-9a-f]+\] (?<message>.*)$")]
    private static partial Regex ErrorLine();
}
