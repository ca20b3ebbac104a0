using System.Globalization;
using System.Text.Json;
using TrainingLms.Domain.Clips;

namespace TrainingLms.Web.Features.Clips.Media;

/// <summary>Why a file is not accepted as a clip; each has its own message for the trainer.</summary>
public enum ClipRejection
{
    /// <summary>Empty, text, random bytes, a truncated header: ffprobe finds no media in it.</summary>
    Unreadable = 1,
    NoVideo = 2,
    StillImage = 3,
    Undecodable = 4,
}

/// <summary>The probe's verdict: the video's facts, or why the file is refused.</summary>
public sealed record ProbeResult(VideoFacts? Video, ClipRejection? Rejection, string FormatName, string VideoCodec)
{
    public static ProbeResult Rejected(ClipRejection rejection, string format = "", string codec = "") => new(null, rejection, format, codec);
}

/// <summary>Reads ffprobe's JSON (<see cref="FfmpegArguments.Probe"/>): decides by what is in the file, never by its name.</summary>
public static class VideoProbe
{
    /// <summary>Shorter than this is a picture, not a clip.</summary>
    public const double MinDurationSeconds = 0.5;

    private static readonly string[] InterlacedFieldOrders = ["tt", "bb", "tb", "bt"];

    public static ProbeResult Read(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json); }
        catch (JsonException) { return ProbeResult.Rejected(ClipRejection.Unreadable); }
        using (document)
        {
            var root = document.RootElement;
            var format = root.TryGetProperty("format", out var f) ? f : default;
            var formatName = Text(format, "format_name");
            var streams = root.TryGetProperty("streams", out var s) && s.ValueKind == JsonValueKind.Array ? s.EnumerateArray().ToList() : [];
            if (streams.Count == 0) return ProbeResult.Rejected(ClipRejection.Unreadable, formatName);

            var video = streams.FirstOrDefault(stream => Text(stream, "codec_type") == "video" && !IsAttachedPicture(stream));
            if (video.ValueKind != JsonValueKind.Object) return ProbeResult.Rejected(ClipRejection.NoVideo, formatName);
            var codec = Text(video, "codec_name");

            var duration = Number(format, "duration") ?? Number(video, "duration") ?? 0;
            if (IsImageFormat(formatName) || duration < MinDurationSeconds) return ProbeResult.Rejected(ClipRejection.StillImage, formatName, codec);

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

    /// <summary>The duration ffprobe reports for a finished file, in seconds.</summary>
    public static double? Duration(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("format", out var format) ? Number(format, "duration") : null;
        }
        catch (JsonException) { return null; }
    }

    // The demuxers of single pictures: png_pipe, jpeg_pipe, webp_pipe …, and image2 for numbered stills.
    private static bool IsImageFormat(string formatName) => formatName == "image2" || formatName.EndsWith("_pipe", StringComparison.Ordinal);

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
}
