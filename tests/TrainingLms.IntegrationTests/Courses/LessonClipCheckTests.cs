using TrainingLms.IntegrationTests.Clips;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Demo;

namespace TrainingLms.IntegrationTests.Courses;

public class LessonClipCheckTests(ClipsFactory factory, MediaFiles media) : IClassFixture<ClipsFactory>, IClassFixture<MediaFiles>
{
    [Fact]
    public async Task ContentPage_ClipBlockNamingAnUnknownClip_ListedWithFileAndLine_UntilTheClipIsUploaded()
    {
        const string file = "courses/meet-smile-greet-rise/02-smile.md";
        var lines = await File.ReadAllLinesAsync(Path.Combine(AppProcess.RepositoryRoot(), "content", file));
        var fence = Array.FindIndex(lines, l => l.Trim() == "```clip") + 1;
        var admin = await factory.AdministratorClientAsync();

        var before = await admin.GetStringAsync("/admin/content");
        await factory.UploadReadyClipAsync(await factory.TrainerAsync(), await media.SampleAsync(SampleVideo.PalDv43), slug: "smile-standard-demo");
        var after = await admin.GetStringAsync("/admin/content");

        Assert.Contains($"<tr><td><code>{file}</code></td><td>{fence}</td><td><code>smile-standard-demo</code></td></tr>", before);
        Assert.Contains("尚未上传到视频库", before);
        Assert.DoesNotContain("<code>smile-standard-demo</code>", after);
    }
}
