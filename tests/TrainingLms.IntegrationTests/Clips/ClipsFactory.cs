using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Clips;

namespace TrainingLms.IntegrationTests.Clips;

/// <summary>The app with its real transcoding worker, polling often and retrying at once, and a trainer to upload.</summary>
public class ClipsFactory : LmsFactory
{
    public const string TrainerNumber = "TR1";

    /// <summary>
    /// Tests about the queue, the player and access need a transcoded clip, not a well-compressed one; the tests of
    /// what the transcoder makes keep the shipped preset (<see cref="ShippedPresetFactory"/>).
    /// </summary>
    public const string FastestPreset = "ultrafast";

    /// <summary>Before the base's, which end with the test class's <see cref="LmsFactory.Settings"/> (e.g. a small chunk size).</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Clips:PollMilliseconds", "200");
        builder.UseSetting("Clips:RetryDelaySeconds", "0");
        builder.UseSetting("Clips:X264Preset", FastestPreset);
        base.ConfigureWebHost(builder);
    }

    public string ClipsFolder => Services.GetRequiredService<ClipStorage>().Root;

    public async Task<HttpClient> TrainerAsync()
    {
        if (await FindPersonAsync(TrainerNumber) is null) await CreatePersonAsync(TrainerNumber, [Roles.Trainer]);
        return await SignedInAsync(TrainerNumber);
    }

    /// <summary>Waits until the clip's transcoding has ended (ready, failed or cancelled).</summary>
    public async Task<Clip> WaitForClipAsync(int clipId, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var clip = await WithDbAsync(db => db.Clips.AsNoTracking().SingleAsync(c => c.Id == clipId));
            if (clip.Status != ClipStatus.Processing) return clip;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Clip {clipId} still processing after {timeout}.");
            await Task.Delay(200);
        }
    }

    /// <summary>Uploads a file through the chunked upload API and completes it; a clip that was accepted is waited for.</summary>
    public async Task<Clip> UploadReadyClipAsync(HttpClient trainer, string file, ClipKind kind = ClipKind.TrainingDv, string? slug = null)
    {
        var upload = await ClipApi.UploadAsync(trainer, file, ClipApi.Details(slug ?? ClipApi.NewSlug(), kind));
        Assert.Equal(HttpStatusCode.Created, upload.Status);
        var clip = await WaitForClipAsync(upload.ClipId!.Value);
        Assert.Equal(ClipStatus.Ready, clip.Status);
        return clip;
    }

    public Task<TranscodeStatusResponse?> TranscodeStatusAsync(HttpClient trainer, int clipId) =>
        trainer.GetFromJsonAsync<TranscodeStatusResponse>($"/api/clips/{clipId}/transcode");
}
