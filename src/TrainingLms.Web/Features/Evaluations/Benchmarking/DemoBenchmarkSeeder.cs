using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.Domain.Evaluations;

namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

/// <summary>
/// Gives the demo company two feedback codes at 翠湖花园 with fixed, printed codes (<see cref="PostCode"/> for the 客服前台
/// post, <see cref="PersonCode"/> for one employee) and a few customer ratings this quarter. Runs once.
/// </summary>
public sealed class DemoBenchmarkSeeder(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
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

        var quarter = await BenchmarkTime.CurrentQuarterAsync(db, now, cancellationToken);
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
    }
}
