using System.Diagnostics;
using System.Globalization;

namespace TrainingLms.Benchmarks.Courses;

/// <summary>
/// Debian's <c>wrk</c> as the load generator: written in C on epoll, it takes a small share of the two cores the
/// app also runs on, where an in-process HttpClient loop took about as much CPU as serving a static file.
/// The requests come from a file of "path TAB cookie" lines, replayed round robin by <c>wrk-requests.lua</c>.
/// </summary>
public static class Wrk
{
    public sealed record Result(int Requests, int Errors, double RequestsPerSecond, double P50, double P95, double P99, double Max);

    public static async Task<Result> RunAsync(string baseUrl, IEnumerable<(string Path, string Cookie)> requests, int connections, TimeSpan duration)
    {
        var requestFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(requestFile, requests.Select(r => $"{r.Path}\t{r.Cookie}"));
            var script = Path.Combine(AppContext.BaseDirectory, "Courses", "wrk-requests.lua");
            var start = new ProcessStartInfo("wrk")
            {
                ArgumentList = { "--threads", "1", "--connections", connections.ToString(CultureInfo.InvariantCulture),
                    "--duration", $"{(int)duration.TotalSeconds}s", "--timeout", "10s", "--script", script, baseUrl, "--", requestFile },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
            var output = await wrk.StandardOutput.ReadToEndAsync();
            var errors = await wrk.StandardError.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"wrk gave no result (exit {wrk.ExitCode}): {output}{errors}");
            var f = line.Split(' ')[1..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            return new Result((int)f[0], (int)f[1], f[0] / f[2], f[3], f[4], f[5], f[6]);
        }
        finally
        {
            File.Delete(requestFile);
        }
    }
}
