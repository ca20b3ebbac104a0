using TrainingLms.Domain.Clips;

namespace TrainingLms.Web.Features.Clips.Media;

/// <summary>A transcoding output: the rendition's size and the file it goes to.</summary>
public sealed record RenditionOutput(ClipRendition Rendition, string Path);

/// <summary>
/// Every ffmpeg and ffprobe command line the clip library runs, in one place, as argument lists: whichever library
/// starts the process (<see cref="FfmpegProcess"/> today, FFMpegCore tomorrow) runs exactly these.
/// </summary>
/// <remarks>
/// Every input is read with an allow-list of demuxers and the file protocol only. ffmpeg picks a demuxer by what a file
/// holds, not by its name, and some demuxers read other files: an HLS playlist or a concat list naming another clip's
/// files (by <c>file://</c> or a relative path) would otherwise become a clip made of them. None of the allowed
/// demuxers opens anything but the file it is given (mov's external data references are off unless asked for).
/// </remarks>
public static class FfmpegArguments
{
    private const int Crf = 23;
    private const string AudioBitrate = "128k";

    /// <summary>
    /// The containers trainers' cameras and phones record in: MP4/MOV/3GP (mov), AVI, raw DV, MKV/WebM (matroska),
    /// MPEG-2 programme streams and DVD VOBs (mpeg), AVCHD's MTS/M2TS (mpegts).
    /// </summary>
    public static readonly IReadOnlyList<string> VideoDemuxers = ["mov", "avi", "dv", "matroska", "mpeg", "mpegts"];

    /// <summary>
    /// Sound-only formats the probe may open too, only so that a voice recording is told "no picture" rather than
    /// "not a video"; each reads its one file. Nothing is ever transcoded from them.
    /// </summary>
    public static readonly IReadOnlyList<string> AudioDemuxers = ["mp3", "wav", "aac", "flac", "amr"];

    /// <summary>Only the file protocol: no network, no pipes, no data: URLs.</summary>
    private const string Protocols = "file";

    private static readonly string ProbeDemuxers = string.Join(',', VideoDemuxers.Concat(AudioDemuxers));

    private static readonly string DecodeDemuxers = string.Join(',', VideoDemuxers);

    /// <summary>
    /// ffprobe's JSON of the format, the streams and the first packet (a raw DV file's frame size), or, for a file
    /// no allowed demuxer reads, its complaint naming the demuxer it refused.
    /// </summary>
    public static IReadOnlyList<string> Probe(string source) =>
        ["-v", "error", "-protocol_whitelist", Protocols, "-format_whitelist", ProbeDemuxers, "-print_format", "json",
         "-show_format", "-show_streams", "-show_entries", "packet=stream_index,size", "-read_intervals", "%+#1", FileUrl(source)];

    /// <summary>Decodes the first frames: a file that probes but cannot be decoded is no video.</summary>
    public static IReadOnlyList<string> DecodeCheck(string source) =>
        ["-hide_banner", "-nostdin", "-v", "error", .. Input(source), "-map", "0:v:0", "-frames:v", "2", "-f", "null", "-"];

    /// <summary>
    /// The command that runs <paramref name="tool"/> with <paramref name="arguments"/> so that it dies with the app:
    /// <c>setpriv --pdeathsig KILL</c> asks the kernel to kill it when its parent goes, however the parent goes
    /// (kill -9, the out-of-memory killer), and then becomes the tool itself. Without setpriv, the tool runs bare.
    /// </summary>
    public static (string FileName, IReadOnlyList<string> Arguments) TiedToParent(string tool, IReadOnlyList<string> arguments) =>
        File.Exists(Setpriv) ? (Setpriv, ["--pdeathsig", "KILL", "--", tool, .. arguments]) : (tool, arguments);

    /// <summary>Debian's util-linux, which every Debian system has.</summary>
    private const string Setpriv = "/usr/bin/setpriv";

    private static string[] Input(string source) =>
        ["-protocol_whitelist", Protocols, "-format_whitelist", DecodeDemuxers, "-i", FileUrl(source)];

    // With the protocol spelled out, no path is ever read as another protocol's URL.
    private static string FileUrl(string path) => "file:" + path;

    /// <summary>
    /// One pass over the source for every rendition: deinterlaced when the source is interlaced, turned upright
    /// (ffmpeg applies a phone's rotation itself), pixels made square, H.264 yuv420p + AAC stereo, moov atom first.
    /// </summary>
    public static IReadOnlyList<string> Transcode(string source, VideoFacts video, IReadOnlyList<RenditionOutput> outputs, string x264Preset)
    {
        List<string> args = ["-hide_banner", "-nostdin", "-y", .. Input(source), "-filter_complex", FilterGraph(video, outputs)];
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
        ["-hide_banner", "-nostdin", "-y", "-ss", atSeconds.ToString("0.###", CultureInfo.InvariantCulture), .. Input(rendition), "-frames:v", "1", "-q:v", "3", poster];

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
