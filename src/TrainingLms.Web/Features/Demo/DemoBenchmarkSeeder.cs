using TrainingLms.Web.Features.Evaluations.Benchmarking;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.Demo;

/// <summary>
/// Gives the demo company two feedback codes at 翠湖花园 with fixed, printed codes (<see cref="PostCode"/> for the 客服前台
/// post, <see cref="PersonCode"/> for one employee), a few customer ratings this quarter, a smile story about that
/// employee (with the first demo clip) and two service-star nominations left for the site's manager to decide.
/// Runs once.
/// </summary>
public sealed class DemoBenchmarkSeeder(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, CompanyTimeZone companyZone)
{
    public const string PostCode = "CUIHUKEFUA";
    public const string PersonCode = "CUIHUSTARB";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.FeedbackCodes.AnyAsync(cancellationToken)) return;
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Code == "CH", cancellationToken);
        var frontDesk = await db.Positions.AsNoTracking().Where(p => p.Name == "客服前台").Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (site is null || frontDesk is null) return;
        var employee = await db.Users.AsNoTracking().Where(p => p.SiteId == site.Id && p.PositionId == frontDesk && p.UserName != "E0001")
            .OrderBy(p => p.UserName).Select(p => new { p.Id, p.FullName }).FirstOrDefaultAsync(cancellationToken);
        if (employee is null) return;

        var now = clock.GetUtcNow().UtcDateTime;
        var post = new FeedbackCode { Code = PostCode, SiteId = site.Id, PositionId = frontDesk, Label = "客服前台", CreatedAtUtc = now };
        var person = new FeedbackCode { Code = PersonCode, SiteId = site.Id, PersonId = employee.Id, Label = "前台 " + employee.FullName[..1] + "同事", CreatedAtUtc = now };
        db.FeedbackCodes.AddRange(post, person);
        await db.SaveChangesAsync(cancellationToken);

        var quarter = BenchmarkTime.CurrentQuarter(await companyZone.GetAsync(cancellationToken), now);
        (int Smile, int Greeting, string? Comment)[] customers = [(5, 5, "前台很热情，笑容很自然。"), (5, 4, null), (4, 5, "主动问好，谢谢！"), (5, 5, null)];
        foreach (var (rating, i) in customers.Select((c, i) => (c, i)))
            db.BenchmarkRatings.Add(new BenchmarkRating
            {
                Source = BenchmarkSource.Customer, FeedbackCodeId = i % 2 == 0 ? person.Id : post.Id, PersonId = i % 2 == 0 ? employee.Id : null,
                PositionId = i % 2 == 0 ? null : frontDesk, SiteId = site.Id, Smile = rating.Smile, Greeting = rating.Greeting, Comment = rating.Comment,
                AtUtc = now.AddDays(-i - 1), Year = quarter.Year, Quarter = quarter.Quarter,
            });
        db.BenchmarkRatings.Add(new BenchmarkRating
        {
            Source = BenchmarkSource.Self, PersonId = employee.Id, RaterId = employee.Id, SiteId = site.Id, PositionId = frontDesk,
            Smile = 4, Greeting = 4, Meet = 5, Rise = 4, AtUtc = now.AddDays(-2), Year = quarter.Year, Quarter = quarter.Quarter,
        });
        await db.SaveChangesAsync(cancellationToken);
        await SeedRecognitionAsync(db, site.Id, employee.Id, now, quarter, cancellationToken);
    }

    private static async Task SeedRecognitionAsync(
        LmsDbContext db, int siteId, string employeeId, DateTime now, YearQuarter quarter, CancellationToken cancellationToken)
    {
        var trainer = await db.Users.Where(p => p.UserName == "T0001").Select(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        var leader = await db.Users.Where(p => p.UserName == "C0001").Select(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        var newHire = await db.Users.Where(p => p.UserName == "E0001").Select(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (trainer is null || leader is null || newHire is null) return;
        var clip = await db.Clips.Where(c => c.IsPublished).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        db.SmileStories.Add(new SmileStory
        {
            SiteId = siteId, PersonId = employeeId, AuthorId = trainer, ClipId = clip, PublishedAtUtc = now.AddDays(-3),
            Title = "雨天里的一把伞",
            Body = "傍晚下起大雨，一位业主抱着孩子从车库上来，没有带伞。\n前台同事看到后起身迎上去，微笑问好，把备用伞递过去，又陪着走到单元门口。\n业主第二天专门来前台道谢：不是因为一把伞，而是因为那句“您慢点，别着急”。",
        });
        db.ServiceStarNominations.AddRange(
            new ServiceStarNomination
            {
                SiteId = siteId, Year = quarter.Year, Quarter = quarter.Quarter, PersonId = employeeId, NominatedById = trainer, AtUtc = now.AddDays(-2),
                Reason = "本季度顾客评价中微笑和问好都接近满分，雨天送伞的事被业主专门表扬。",
            },
            new ServiceStarNomination
            {
                SiteId = siteId, Year = quarter.Year, Quarter = quarter.Quarter, PersonId = newHire, NominatedById = leader, AtUtc = now.AddDays(-1),
                Reason = "入职不久，但每次都主动起身问好，进步明显。",
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
