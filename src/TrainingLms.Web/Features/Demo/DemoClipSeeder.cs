using TrainingLms.Domain.Clips;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Clips.Media;

namespace TrainingLms.Web.Features.Demo;

/// <summary>
/// The demo's clip library: three clips made by ffmpeg at first start (nothing large is committed) and taken in
/// through the same intake and transcoding queue as an upload — a PAL DV training clip the first course shows, an
/// unpublished Smile Discovery phone recording featuring the demo new hire (who has yet to answer its notice), and an interlaced AVCHD benchmark story.
/// </summary>
public sealed class DemoClipSeeder(
    IDbContextFactory<LmsDbContext> dbFactory, IVideoTools tools, ClipIntake intake, ClipStorage storage, ILogger<DemoClipSeeder> logger)
{
    private sealed record DemoClip(SampleVideo Video, double Seconds, ClipDetails Details, string? SiteCode, string? Featured, (double At, MomentKind Kind, EtiquettePoint Point, string Note)[] Moments);

    private static readonly DemoClip[] Clips =
    [
        new(SampleVideo.PalDv43, 12, new("smile-standard-demo", "标准微笑示范", "公司统一发放的微笑服务培训DV：嘴角微微上扬、不露齿，目光柔和地看着对方。", ClipKind.TrainingDv, null, null), null, null,
        [
            (2, MomentKind.GoodExample, EtiquettePoint.Meet, "目光相对时先点头致意"),
            (5, MomentKind.GoodExample, EtiquettePoint.Smile, "嘴角两侧微微上扬，不露牙齿"),
            (9, MomentKind.ToCorrect, EtiquettePoint.Greet, "问好声音太小，对方听不清"),
        ]),
        new(SampleVideo.PortraitPhone, 8, new("smile-discovery-cuihu-lobby", "发现微笑：翠湖花园大堂", "暗访时用手机拍下的大堂前台接待。", ClipKind.SmileDiscovery, null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-7))), "CH", "E0001",
        [
            (1, MomentKind.GoodExample, EtiquettePoint.Rise, "业主走近时起身迎接"),
            (6, MomentKind.ToCorrect, EtiquettePoint.Language, "应先说“您好”，再询问来意"),
        ]),
        new(SampleVideo.AvchdM2ts, 5, new("benchmark-front-desk-story", "标杆故事：前台的一声“您好”", "标杆员工讲述首问负责的一次接待。", ClipKind.BenchmarkStory, null, null), null, null,
        [
            (3, MomentKind.GoodExample, EtiquettePoint.FirstInquiry, "接下问题，跟进到底并回复业主"),
        ]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Clips.AnyAsync(cancellationToken)) return;
        var trainerId = await db.Users.Where(p => p.UserName == "T0001").Select(p => p.Id).SingleOrDefaultAsync(cancellationToken);
        if (trainerId is null) return;
        Directory.CreateDirectory(storage.UploadsFolder);
        foreach (var clip in Clips)
        {
            var file = Path.Combine(storage.UploadsFolder, $"demo-{clip.Details.Slug}{SampleVideos.Extension(clip.Video)}");
            try
            {
                await SampleVideos.MakeAsync(tools, clip.Video, file, clip.Seconds, cancellationToken);
            }
            catch (VideoToolException e)
            {
                logger.LogWarning("The demo clip {Slug} could not be made (is ffmpeg installed?): {Error}", clip.Details.Slug, e.Message);
                continue;
            }
            var siteId = clip.SiteCode is null ? null : await db.Sites.Where(s => s.Code == clip.SiteCode).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
            var result = await intake.AcceptAsync(file, Path.GetFileName(file), clip.Details with { SiteId = siteId }, trainerId, cancellationToken);
            if (result.ClipId is not { } clipId) continue;
            db.ClipMoments.AddRange(clip.Moments.Select(m => new ClipMoment { ClipId = clipId, AtSeconds = m.At, Kind = m.Kind, Point = m.Point, Note = m.Note }));
            if (clip.Featured is { } number && await db.Users.Where(p => p.UserName == number).Select(p => p.Id).SingleOrDefaultAsync(cancellationToken) is { } personId)
                db.ClipFeaturedPeople.Add(new ClipFeaturedPerson { ClipId = clipId, PersonId = personId, NotifiedAtUtc = DateTime.UtcNow });
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo clips queued for transcoding");
    }
}
