namespace TrainingLms.Benchmarks.Pages;

/// <summary>
/// The largest resident set the process (the app, hosted in the benchmark's own process) reaches while it runs, read
/// from <c>/proc/self/status</c> every 50 ms: the figure the page budget's memory limit is about.
/// </summary>
internal sealed class RssSampler : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private readonly long startKb = ResidentKb();
    private long peakKb;
    private long peakHeapBytes;

    private RssSampler() => sampling = SampleAsync(stop.Token);

    public static RssSampler Start() => new();

    public double StartMb => startKb / 1024.0;

    public double PeakMb => Interlocked.Read(ref peakKb) / 1024.0;

    /// <summary>The most the garbage collector's heap held after a collection: what of the resident set is managed objects.</summary>
    public double PeakHeapMb => Interlocked.Read(ref peakHeapBytes) / 1024.0 / 1024.0;

    private async Task SampleAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        do
        {
            var kb = ResidentKb();
            if (kb > Interlocked.Read(ref peakKb)) Interlocked.Exchange(ref peakKb, kb);
            var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
            if (heap > Interlocked.Read(ref peakHeapBytes)) Interlocked.Exchange(ref peakHeapBytes, heap);
        }
        while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false) is true);
    }

    /// <summary>VmRSS on Linux; elsewhere the working set .NET reports.</summary>
    private static long ResidentKb()
    {
        if (!File.Exists("/proc/self/status")) return Environment.WorkingSet / 1024;
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
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
