using System.Globalization;

namespace TrainingLms.Benchmarks.Pages;

/// <summary>
/// The memory a process holds while it runs, the figures the page budget's memory limit is about: the benchmark's own
/// (it hosts the app it crawls) or the app's in a process of its own (<see cref="OwnProcessMemory"/>). From
/// <c>/proc/&lt;pid&gt;/status</c> every 50 ms: the resident set (VmRSS) and the part of
/// it that is the process's own (RssAnon). VmRSS counts a page of the database file once for every SQLite connection
/// that maps it (each maps the file), so the proportional set (PSS, from <c>/proc/self/smaps</c>), which counts
/// each page once, is read too, with the part of it that is the database file (the operating system's cache of the
/// file, which a connection reading without a map would hold outside the process): after each page's run, as walking
/// every mapping is too dear to do all the time.
/// </summary>
internal sealed class RssSampler : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly string process;
    private readonly Task sampling;
    private readonly long startKb;
    private long peakKb;
    private long peakAnonKb;
    private long peakPssKb;
    private long peakDatabasePssKb;
    private long peakCodePssKb;
    private long peakFilePssKb;
    private long peakHeapBytes;

    private RssSampler(string process)
    {
        this.process = process;
        startKb = Read($"{process}/status", "VmRSS:");
        sampling = SampleAsync(stop.Token);
    }

    /// <summary>Samples this process; <paramref name="processId"/>: another one (whose managed heap it cannot see).</summary>
    public static RssSampler Start(int? processId = null) => new(processId is { } id ? $"/proc/{id}" : "/proc/self");

    private bool IsSelf => process == "/proc/self";

    public double StartMb => startKb / 1024.0;

    public double PeakMb => Interlocked.Read(ref peakKb) / 1024.0;

    public double PeakAnonMb => Interlocked.Read(ref peakAnonKb) / 1024.0;

    public double PeakPssMb => Interlocked.Read(ref peakPssKb) / 1024.0;

    /// <summary>The most the garbage collector's heap held after a collection: what of the resident set is managed objects.</summary>
    public double PeakHeapMb => Interlocked.Read(ref peakHeapBytes) / 1024.0 / 1024.0;

    /// <summary>The most of the proportional set that was the SQLite database file, mapped: the operating system's cache of the file.</summary>
    public double PeakDatabasePssMb => Interlocked.Read(ref peakDatabasePssKb) / 1024.0;

    /// <summary>The most of the proportional set that was code the JIT wrote (.NET maps it twice, from <c>/memfd:doublemapper</c>).</summary>
    public double PeakCodePssMb => Interlocked.Read(ref peakCodePssKb) / 1024.0;

    /// <summary>The most of the proportional set that was other files mapped: the assemblies and native libraries.</summary>
    public double PeakFilePssMb => Interlocked.Read(ref peakFilePssKb) / 1024.0;

    /// <summary>
    /// Reads the proportional set now, and the parts of it that are SQLite database files (<c>*.db</c>) mapped, code
    /// the JIT wrote and other files mapped: call it while the app still holds what a page's run made it hold.
    /// </summary>
    public void SampleProportional()
    {
        if (!File.Exists($"{process}/smaps")) return;
        long total = 0, database = 0, code = 0, files = 0;
        var mapping = "";
        foreach (var line in File.ReadLines($"{process}/smaps"))
        {
            if (line.Length > 0 && char.IsAsciiHexDigit(line[0]) && line.Contains('-'))
                mapping = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries) is [_, _, _, _, _, var path] ? path.Trim() : "";
            else if (line.StartsWith("Pss:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["Pss:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                total += kb;
                if (mapping.EndsWith(".db", StringComparison.Ordinal)) database += kb;
                else if (mapping.StartsWith("/memfd:doublemapper", StringComparison.Ordinal)) code += kb;
                else if (mapping.StartsWith('/')) files += kb;
            }
        }
        Raise(ref peakPssKb, total);
        Raise(ref peakDatabasePssKb, database);
        Raise(ref peakCodePssKb, code);
        Raise(ref peakFilePssKb, files);
    }

    private async Task SampleAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        do
        {
            Raise(ref peakKb, Read($"{process}/status", "VmRSS:"));
            Raise(ref peakAnonKb, Read($"{process}/status", "RssAnon:"));
            if (IsSelf) Raise(ref peakHeapBytes, GC.GetGCMemoryInfo().HeapSizeBytes);
        }
        while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false) is true);
    }

    private static void Raise(ref long peak, long value)
    {
        if (value > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, value);
    }

    /// <summary>A "Name: 123 kB" line of a Linux proc file, in kB; elsewhere the working set .NET reports.</summary>
    private static long Read(string file, string name)
    {
        if (!File.Exists(file)) return Environment.WorkingSet / 1024;
        foreach (var line in File.ReadLines(file))
            if (line.StartsWith(name, StringComparison.Ordinal))
                return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return 0;
    }

    public void Dispose()
    {
        stop.Cancel();
        try { sampling.GetAwaiter().GetResult(); }
        catch (OperationCanceledException) { }
        stop.Dispose();
    }
}
