using System.Globalization;
using TrainingLms.Domain.Clips;

namespace TrainingLms.Web.Features.Clips.Media;

/// <summary>A transcoding output: the rendition's size and the file it goes to.</summary>
public sealed record RenditionOutput(ClipRendition Rendition, string Path);

/// <summary>
/// Every ffmpeg and ffprobe command line the clip library runs, in one place, as argument lists: whichever library
/// starts the process (Xabe.FFmpeg today, FFMpegCore or a bare <c>Process</c> tomorrow) runs exactly these.
/// </summary>
public static class FfmpegArguments
{
    private const int Crf = 23;
    private const string AudioBitrate = "128k";

    public static IReadOnlyList<string> Probe(string source) =>
        ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", source];

    /// <summary>Decodes the first frames: a file that probes but cannot be decoded is no video.</summary>
    public static IReadOnlyList<string> DecodeCheck(string source) =>
        ["-hide_banner", "-nostdin", "-v", "error", "-i", source, "-map", "0:v:0", "-frames:v", "2", "-f", "null", "-"];

    /// <summary>
    /// One pass over the source for every rendition: deinterlaced when the source is interlaced, turned upright
    /// (ffmpeg applies a phone's rotation itself), pixels made square, H.264 yuv420p + AAC stereo, moov atom first.
    /// </summary>
    public static IReadOnlyList<string> Transcode(string source, VideoFacts video, IReadOnlyList<RenditionOutput> outputs, string x264Preset)
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-y", "-i", source, "-filter_complex", FilterGraph(video, outputs) };
        for (var i = 0; i < outputs.Count; i++)
        {
            args.AddRange(["-map", $"[v{i}]"]);
            if (video.HasAudio) args.AddRange(["-map", "0:a:0", "-c:a", "aac", "-b:a", AudioBitrate, "-ac", "2", "-ar", "48000"]);
            args.AddRange([
                "-c:v", "libx264", "-preset", x264Preset, "-profile:v", "high", "-crf", Crf.ToString(CultureInfo.InvariantCulture),
                "-map_metadata", "-1", "-map_chapters", "-1", "-write_tmcd", "0", "-movflags", "+faststart", outputs[i].Path,
            ]);
        }
        return args;
    }

    /// <summary>A poster frame taken from a finished rendition (already upright, deinterlaced and square).</summary>
    public static IReadOnlyList<string> Poster(string rendition, double atSeconds, string poster) =>
        ["-hide_banner", "-nostdin", "-y", "-ss", atSeconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", rendition, "-frames:v", "1", "-q:v", "3", poster];

    public static string FilterGraph(VideoFacts video, IReadOnlyList<RenditionOutput> outputs)
    {
        var head = video.Interlaced ? "[0:v]yadif=mode=send_frame:parity=auto:deint=all," : "[0:v]";
        string Scale(RenditionOutput output) =>
            string.Create(CultureInfo.InvariantCulture, $"scale={output.Rendition.Width}:{output.Rendition.Height}:flags=bicubic,setsar=1,format=yuv420p");
        if (outputs.Count == 1) return $"{head}{Scale(outputs[0])}[v0]";
        var splits = string.Concat(outputs.Select((_, i) => $"[s{i}]"));
        var branches = outputs.Select((output, i) => $"[s{i}]{Scale(output)}[v{i}]");
        return $"{head}split={outputs.Count}{splits};{string.Join(';', branches)}";
    }

    /// <summary>
    /// The arguments as one command line, quoted the way .NET splits <c>ProcessStartInfo.Arguments</c> back into a list,
    /// for libraries that take a string.
    /// </summary>
    public static string ToCommandLine(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));

    private static string Quote(string argument)
    {
        if (argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"' || c == '\\' || c == '\'')) return argument;
        var quoted = new System.Text.StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\') { backslashes++; continue; }
            // Backslashes count only before a quote: double them there, and escape the quote.
            quoted.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
            backslashes = 0;
        }
        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
