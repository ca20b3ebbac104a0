using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;

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

    public string BaseUrl { get; }

    public int Id => process.Id;

    /// <summary>What the app has written to its standard output and error so far (its log), line by line.</summary>
    public string Output => string.Join('\n', output);

    /// <summary>
    /// Starts the app on the database's data folder. The first start finds the database migrated, as the in-process
    /// apps do (running the migrations on an empty one was about a quarter of a start's CPU), or, with <paramref name="emptyDatabase"/>,
    /// empty, as on a new machine.
    /// </summary>
    public static Task<AppProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings, bool emptyDatabase = false) =>
        HealthyAsync(Start(database, settings, emptyDatabase));

    /// <summary>
    /// Starts the app on a data folder of the caller's, in the given environment (the benchmarks' "Production"), with
    /// <paramref name="settings"/> naming the database too; waits until it is healthy.
    /// </summary>
    public static Task<AppProcess> StartAsync(string dataPath, IReadOnlyDictionary<string, string> settings, string environment) =>
        HealthyAsync(Start(dataPath, settings, environment));

    /// <summary>
    /// Starts a transcode worker (<c>Hosting:Role=Worker</c>) and waits until its queue runs: it serves no health
    /// endpoint to wait on, so the log says when. <see cref="BaseUrl"/> is where it would listen if it served pages.
    /// </summary>
    public static async Task<AppProcess> StartWorkerAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        var app = Start(database, new Dictionary<string, string>(settings) { ["Hosting:Role"] = "Worker" });
        try
        {
            await app.WaitForOutputAsync("Transcode worker ");
        }
        catch
        {
            // Nobody else holds it yet: a worker that never got going would otherwise outlive the test run.
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>Starts the app and returns at once, before it is ready.</summary>
    public static AppProcess Start(TestDatabase database, IReadOnlyDictionary<string, string> settings, bool emptyDatabase = false)
    {
        database.EnsureCreated(empty: emptyDatabase);
        return Start(database.DataPath, database.Settings.Concat(settings), "Testing");
    }

    /// <param name="settings">Applied in order: a later value of a key wins.</param>
    private static AppProcess Start(string dataPath, IEnumerable<KeyValuePair<string, string>> settings, string environment)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = StartInfo(dataPath, settings.Prepend(new("Urls", baseUrl)), environment, []);
        var process = Process.Start(start)!;
        var app = new AppProcess(process, baseUrl);
        // Read the output as it comes, so the app never blocks on a full pipe and the tests can read its log.
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) app.output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) app.output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>
    /// The built app (<c>dotnet TrainingLms.Web.dll</c>) with <paramref name="arguments"/> on a data folder, its output
    /// redirected; <paramref name="settings"/> become environment variables, a later value of a key winning.
    /// </summary>
    public static ProcessStartInfo StartInfo(string dataPath, IEnumerable<KeyValuePair<string, string>> settings, string environment, IEnumerable<string> arguments)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var web = Path.Combine(RepositoryRoot(), "src", "TrainingLms.Web");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(web, "bin", configuration, "net10.0", "TrainingLms.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment != Environments.Production) ShortLivedRuntime(start);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Storage__DataPath"] = dataPath;
        start.Environment["Demo__Enabled"] = "false";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return start;
    }

    /// <summary>
    /// Compiler settings for an app that lives for one test. The benchmarks' apps (Production) run as shipped.
    /// </summary>
    private static void ShortLivedRuntime(ProcessStartInfo start)
    {
        // Such a process pays for tiered PGO's second, instrumented compilation and never gains from it (about a sixth
        // of a start's CPU); tests/Directory.Build.props says the same of the test hosts.
        start.Environment["DOTNET_TieredPGO"] = "0";
        // Nor does it gain from recompiling its start-up code optimised, which the runtime begins 100 ms after start-up
        // settles: about 2.5 CPU-seconds in the seconds after each start (measured on PostgreSQL), a quarter of what two
        // instances starting together cost. Waiting for a minute of quiet instead leaves the app on its first, quick
        // compilation. The long-lived test hosts keep the default: there, waiting cost a quarter more CPU.
        start.Environment["DOTNET_TC_CallCountingDelayMs"] = "60000";
    }

    /// <summary>Waits until the app's log holds <paramref name="text"/>; fails at once when the app has exited.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (!output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with code {process.ExitCode}:\n{Output}");
            if (DateTime.UtcNow > until) throw new TimeoutException($"The app's log never said '{text}':\n{Output}");
            await Task.Delay(100);
        }
    }

    public HttpClient CreateClient() => SignInClient.CookieClient(BaseUrl);

    /// <summary>Sets up the company on the empty database, as its first administrator does, and returns them signed in.</summary>
    public async Task<HttpClient> SetUpCompanyAsync()
    {
        var admin = CreateClient();
        await admin.PostFormAsync("/setup", "setup", new()
        {
            ["Input.CompanyName"] = "锦绣物业", ["Input.EmployeeNumber"] = "A1", ["Input.FullName"] = "管理员",
            ["Input.Password"] = LmsFactory.Password, ["Input.ConfirmPassword"] = LmsFactory.Password,
        });
        await admin.SignInAsync("A1");
        return admin;
    }

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

    private static async Task<AppProcess> HealthyAsync(AppProcess app)
    {
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

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // the last lines of its output, before they are shown
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not become healthy.");
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
