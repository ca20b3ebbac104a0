using System.Net;
using System.Text.Json;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Health;

/// <summary>
/// /healthz on a real Kestrel port: the details (versions, the data folder's path) for a caller on the machine itself
/// or an administrator; anyone else, including a client forwarded by the proxy on the same machine, learns only the status.
/// </summary>
public class HealthTests(KestrelLmsFactory factory) : IClassFixture<KestrelLmsFactory>
{
    [Fact]
    public async Task Healthz_FromTheMachineItself_ReportsDatabaseDataFolderAndVideoTools()
    {
        using var client = factory.Client();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        AssertDetails(json);
    }

    [Fact]
    public async Task Healthz_AnonymousClientForwardedByTheProxy_SaysOnlyHealthy()
    {
        using var client = factory.Client(forwardedFor: "203.0.113.40");

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(["status"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(factory.DataPath, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_AdministratorForwardedByTheProxy_GetsTheDetails()
    {
        using var client = factory.Client(forwardedFor: "203.0.113.41");
        await client.SignInAsync(LmsFactory.AdministratorNumber);

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        AssertDetails(json);
    }

    private static void AssertDetails(JsonDocument json)
    {
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("dataFolder").GetProperty("status").GetString());
        // The test command installs ffmpeg first, so the tools must be found and their versions reported.
        var ffmpeg = checks.GetProperty("ffmpeg");
        Assert.Equal("Healthy", ffmpeg.GetProperty("status").GetString());
        Assert.Matches(@"^\d+\.\d+", ffmpeg.GetProperty("data").GetProperty("ffmpeg").GetString());
        Assert.Matches(@"^\d+\.\d+", ffmpeg.GetProperty("data").GetProperty("ffprobe").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
    }
}
