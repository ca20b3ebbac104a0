using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>
/// The LMS as its own operating-system process on a loopback port, for what an in-process test host cannot show:
/// being killed outright and started again on the same data folder.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private AppProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>The last lines the app wrote (standard output and error), to say why it did not start.</summary>
    public string Output => string.Join('\n', output);

    public string BaseUrl { get; }

    public int Id => process.Id;

    /// <summary>Starts the app on the database's data folder; the first start finds an empty database, as on a new machine.</summary>
    public static async Task<AppProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        database.EnsureCreated(empty: true);
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var web = Path.Combine(root, "src", "TrainingLms.Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "TrainingLms.Web.dll");
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Urls"] = baseUrl;
        start.Environment["Storage__DataPath"] = database.DataPath;
        start.Environment["Demo__Enabled"] = "false";
        foreach (var (key, value) in database.Settings.Concat(settings)) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start)!;
        var app = new AppProcess(process, baseUrl);
        // Drain the output so the app never blocks on a full pipe; the last lines are kept.
        process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 200) output.TryDequeue(out _);
    }

    public HttpClient CreateClient() => SignInClient.CookieClient(BaseUrl);

    /// <summary>SIGKILL to the app and everything it started (ffmpeg), as when the machine loses power.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>
    /// SIGKILL to the app alone, as <c>kill -9</c> or the kernel's out-of-memory killer sends it: what the app started
    /// gets no signal from anyone, and must go by itself.
    /// </summary>
    public async Task KillAloneAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) await KillAsync();
        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                process.WaitForExit();
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not become healthy:\n{Output}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TrainingLms.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("No TrainingLms.sln above the test binaries.");
    }
}
