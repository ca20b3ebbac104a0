using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's nginx in front of the app on a loopback port, configured with the block the README gives under
/// "Serving clips through nginx" (read from the README, so what operators copy is what is tested), over TLS with a
/// test certificate or over plain HTTP, and optionally serving a plain folder on a second port as a reference for the
/// clip benchmark.
/// </summary>
public sealed partial class Nginx : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    /// <summary>The internal location the README's block hands clip files to: the app's Clips:AccelRedirectLocation.</summary>
    public const string ClipsLocation = "/_clips/";

    private readonly Process process;
    private readonly string root;

    private Nginx(Process process, string root, string proxyUrl, string? plainUrl) =>
        (this.process, this.root, ProxyUrl, PlainUrl) = (process, root, proxyUrl, plainUrl);

    /// <summary>The app behind nginx.</summary>
    public string ProxyUrl { get; }

    /// <summary>nginx serving <c>root/html</c> as plain files, when asked for.</summary>
    public string? PlainUrl { get; }

    /// <param name="root">A folder of nginx's own: configuration, logs, temporary files and the access cache.</param>
    /// <param name="plainFolder">A folder nginx also serves as plain files on a port of its own (the benchmark's reference).</param>
    /// <param name="certificate">Serve HTTPS with this certificate, as in production; without one, plain HTTP.</param>
    /// <param name="instanceUrls">Several app instances: the README's one-server upstream is replaced by deploy/nginx-upstream.conf, its servers by these.</param>
    public static async Task<Nginx> StartAsync(string root, string appUrl, string clipsFolder, string? plainFolder = null, TestCertificate? certificate = null,
        IReadOnlyList<string>? instanceUrls = null)
    {
        Directory.CreateDirectory(Path.Combine(root, "logs"));
        var proxyPort = AppProcess.FreePort();
        var plainPort = plainFolder is null ? 0 : AppProcess.FreePort();
        var lms = ReadmeBlock()
            .Replace("127.0.0.1:5000", new Uri(appUrl).Authority, StringComparison.Ordinal)
            .Replace("/var/lib/traininglms/clips", clipsFolder.TrimEnd('/'), StringComparison.Ordinal)
            .Replace("/run/nginx-traininglms", Path.Combine(root, "access-cache"), StringComparison.Ordinal);
        if (instanceUrls is not null) lms = UpstreamLine().Replace(lms, _ => UpstreamBlock(instanceUrls), 1);
        lms = certificate is null
            ? CertificateLine().Replace(ListenLine().Replace(lms, $"listen 127.0.0.1:{proxyPort};"), "")
            : CertificateLine().Replace(ListenLine().Replace(lms, $"listen 127.0.0.1:{proxyPort} ssl;"),
                line => $"{line.Groups[1].Value} {(line.Groups[1].Value.EndsWith("_key", StringComparison.Ordinal) ? certificate.KeyPath : certificate.CertificatePath)};\n");
        var plain = plainFolder is null ? "" : $"server {{ listen 127.0.0.1:{plainPort}; root {plainFolder}; }}";
        // Workers run as whoever started nginx (root here: "user root"), so they can read the test's own folders.
        await File.WriteAllTextAsync(Path.Combine(root, "nginx.conf"), $$"""
            user root;
            worker_processes auto;
            pid {{root}}/nginx.pid;
            error_log {{root}}/logs/error.log;
            events { worker_connections 1024; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                types { video/mp4 mp4; image/jpeg jpg; text/html html; }
                client_body_temp_path {{root}}/body; proxy_temp_path {{root}}/proxy; fastcgi_temp_path {{root}}/fastcgi; uwsgi_temp_path {{root}}/uwsgi; scgi_temp_path {{root}}/scgi;
                {{plain}}
            {{lms}}
            }
            """);
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-p", root, "-c", Path.Combine(root, "nginx.conf"), "-g", "daemon off;"]) start.ArgumentList.Add(argument);
        var scheme = certificate is null ? "http" : "https";
        var nginx = new Nginx(Process.Start(start)!, root, $"{scheme}://127.0.0.1:{proxyPort}", plainFolder is null ? null : $"http://127.0.0.1:{plainPort}");
        using var probe = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new() { RemoteCertificateValidationCallback = (_, presented, _, _) => certificate?.Trusts(presented) == true },
        });
        for (var i = 0; i < 100 && !nginx.process.HasExited; i++)
        {
            try
            {
                await probe.GetAsync(nginx.ProxyUrl + "/healthz");
                return nginx;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        var errors = await nginx.ErrorLogAsync();
        await nginx.DisposeAsync();
        throw new InvalidOperationException($"nginx did not start: {errors}");
    }

    /// <summary>How many of the app's answers nginx keeps in its access cache now.</summary>
    public int CachedAnswers =>
        Directory.Exists(Path.Combine(root, "access-cache")) ? Directory.EnumerateFiles(Path.Combine(root, "access-cache"), "*", SearchOption.AllDirectories).Count() : 0;

    public Task<string> ErrorLogAsync()
    {
        var log = Path.Combine(root, "logs", "error.log");
        return File.Exists(log) ? File.ReadAllTextAsync(log) : Task.FromResult("");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>The fenced nginx block of the README's "Serving clips through nginx".</summary>
    public static string ReadmeBlock()
    {
        var readme = File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("### Serving clips through nginx", StringComparison.Ordinal)..];
        return NginxFence().Match(section) is { Success: true } fence
            ? fence.Groups[1].Value
            : throw new InvalidOperationException("README.md has no nginx block under \"Serving clips through nginx\".");
    }

    /// <summary>
    /// The upstream block of deploy/nginx-upstream.conf (what the README's "Several instances" under "Running at scale" quotes),
    /// its example servers replaced, in order, by <paramref name="instanceUrls"/>.
    /// </summary>
    public static string UpstreamBlock(IReadOnlyList<string> instanceUrls)
    {
        var block = File.ReadAllText(UpstreamFile);
        var servers = UpstreamServer().Matches(block);
        if (servers.Count != instanceUrls.Count)
            throw new InvalidOperationException($"{UpstreamFile} names {servers.Count} servers, the test runs {instanceUrls.Count} instances.");
        var index = 0;
        return UpstreamServer().Replace(block, _ => $"server {new Uri(instanceUrls[index++]).Authority};");
    }

    public static string UpstreamFile => Path.Combine(AppProcess.RepositoryRoot(), "deploy", "nginx-upstream.conf");

    [GeneratedRegex(@"upstream lms \{[^}]*\}")]
    private static partial Regex UpstreamLine();

    [GeneratedRegex(@"server 127\.0\.0\.1:\d+;")]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"```nginx\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxFence();

    [GeneratedRegex(@"listen 443 ssl;[^\n]*")]
    private static partial Regex ListenLine();

    /// <summary>The block's <c>ssl_certificate</c> and <c>ssl_certificate_key</c> lines (their paths are the operator's).</summary>
    [GeneratedRegex(@"(ssl_certificate(?:_key)?)\s[^\n]*\n")]
    private static partial Regex CertificateLine();
}
