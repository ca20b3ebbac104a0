using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Clips;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Clips;

namespace TrainingLms.IntegrationTests.Clips;

/// <summary>Finished clips written straight to the database, with four bytes for a 480p rendition: for tests of who may have a clip, not of transcoding.</summary>
public static class StandInClips
{
    public static readonly byte[] RenditionBytes = [1, 2, 3, 4];

    public static Task<int> CreateReadyAsync(LmsFactory app, string slug, ClipKind kind, string uploadedById) =>
        CreateReadyAsync(app.Services, slug, kind, uploadedById);

    /// <param name="services">The app's services (the benchmarks' apps are not <see cref="LmsFactory"/>s).</param>
    public static async Task<int> CreateReadyAsync(IServiceProvider services, string slug, ClipKind kind, string uploadedById)
    {
        int clipId;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LmsDbContext>();
            var clip = new Clip
            {
                Slug = slug, Title = "前台录像 " + slug, Kind = kind, Status = ClipStatus.Ready,
                OriginalFileName = "front-desk.mp4", OriginalExtension = ".mp4", Source = new VideoFacts(640, 480, 1, 0, false, 1, true),
                Renditions = [new ClipRendition(640, 480, RenditionBytes.Length)], UploadedById = uploadedById, UploadedAtUtc = DateTime.UtcNow,
            };
            db.Clips.Add(clip);
            await db.SaveChangesAsync();
            clipId = clip.Id;
        }
        var file = services.GetRequiredService<ClipStorage>().RenditionPath(clipId, 480);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, RenditionBytes);
        return clipId;
    }
}
