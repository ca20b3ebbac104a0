using System.Net;
using System.Text.Json;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Health;

public class HealthTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    [Fact]
    public async Task Healthz_Anonymous_ReportsDatabaseDataFolderAndVideoTools()
    {
        var response = await factory.CreateSessionClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
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
