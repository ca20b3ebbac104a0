using Microsoft.AspNetCore.Http;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

/// <summary>What a member of staff posts about themself or a colleague: the four points and an optional comment.</summary>
public sealed class StaffRatingInput
{
    public string? SubjectId { get; set; }
    public int? Meet { get; set; }
    public int? Smile { get; set; }
    public int? Greeting { get; set; }
    public int? Rise { get; set; }
    public string Comment { get; set; } = "";

    public static StaffRatingInput FromForm(IFormCollection form) => new()
    {
        SubjectId = form["subject"].ToString() is { Length: > 0 } subject ? subject : null,
        Meet = BenchmarkText.Score(form["meet"]),
        Smile = BenchmarkText.Score(form["smile"]),
        Greeting = BenchmarkText.Score(form["greeting"]),
        Rise = BenchmarkText.Score(form["rise"]),
        Comment = BenchmarkText.Clean(form["comment"]),
    };
}

public sealed record Colleague(string Id, string FullName, string EmployeeNumber, bool IsSelf);

public sealed record GivenRating(string SubjectName, bool IsSelf, int Meet, int Smile, int Greeting, int Rise, string? Comment, DateTime AtUtc);

/// <summary>The rating page: the rater's team, whom they may rate this quarter, and what they have given so far.</summary>
public sealed record StaffRatingForm(string? TeamName, YearQuarter Quarter, IReadOnlyList<Colleague> Colleagues, IReadOnlyList<GivenRating> Given);

/// <summary>
/// Self and peer ratings: anyone in a team rates themself or a colleague of the same team, once per colleague and
/// quarter; rating the same person again in the quarter replaces the earlier rating, so second thoughts are allowed
/// but a rater never counts twice.
/// </summary>
public sealed class StaffRatings(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, CompanyTimeZone companyZone)
{
    public async Task<StaffRatingForm> PrepareAsync(string raterId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var quarter = BenchmarkTime.CurrentQuarter(await companyZone.GetAsync(cancellationToken), clock.GetUtcNow().UtcDateTime);
        var team = await db.Users.AsNoTracking().Where(p => p.Id == raterId && p.IsActive && p.TeamId != null)
            .Select(p => new { Id = p.TeamId!.Value, p.Team!.Name }).SingleOrDefaultAsync(cancellationToken);
        if (team is null) return new StaffRatingForm(null, quarter, [], []);
        var colleagues = await db.Users.AsNoTracking().Where(p => p.TeamId == team.Id && p.IsActive).OrderBy(p => p.UserName)
            .Select(p => new Colleague(p.Id, p.FullName, p.UserName!, p.Id == raterId)).ToListAsync(cancellationToken);
        var given = await db.BenchmarkRatings.AsNoTracking()
            .Where(r => r.RaterId == raterId && r.Year == quarter.Year && r.Quarter == quarter.Quarter && r.PersonId != null)
            .OrderByDescending(r => r.AtUtc)
            .Select(r => new GivenRating(db.Users.Where(p => p.Id == r.PersonId).Select(p => p.FullName).First(), r.PersonId == raterId,
                r.Meet ?? 0, r.Smile, r.Greeting, r.Rise ?? 0, r.Comment, r.AtUtc))
            .ToListAsync(cancellationToken);
        return new StaffRatingForm(team.Name, quarter, [.. colleagues.OrderByDescending(c => c.IsSelf)], given);
    }

    public static Dictionary<string, string> Validate(StaffRatingInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.SubjectId is null) errors["subject"] = "Benchmark.Validation.Person";
        foreach (var (field, score) in new[] { ("meet", input.Meet), ("smile", input.Smile), ("greeting", input.Greeting), ("rise", input.Rise) })
            if (!BenchmarkScores.InRange(score)) errors[field] = "Benchmark.Validation.Score";
        if (input.Comment.Length > BenchmarkScores.MaxCommentLength) errors["comment"] = "Benchmark.Validation.CommentTooLong";
        return errors;
    }

    /// <summary>Saves the rating; refused (<see cref="BenchmarkStatus.Forbidden"/>) unless rater and subject share a team.</summary>
    public async Task<Outcome<BenchmarkStatus>> SubmitAsync(string raterId, StaffRatingInput input, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return Outcome.Refused(BenchmarkStatus.Invalid, errors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var raterTeam = await db.Users.Where(p => p.Id == raterId && p.IsActive).Select(p => p.TeamId).SingleOrDefaultAsync(cancellationToken);
        var subject = await db.Users.AsNoTracking().Where(p => p.Id == input.SubjectId && p.IsActive)
            .Select(p => new { p.Id, p.TeamId, TeamSiteId = (int?)p.Team!.SiteId, p.PositionId }).SingleOrDefaultAsync(cancellationToken);
        if (raterTeam is null || subject is null || subject.TeamId != raterTeam || subject.TeamSiteId is not { } siteId) return Outcome.Of(BenchmarkStatus.Forbidden);

        var rated = new RatedColleague(subject.Id, siteId, subject.PositionId);
        var now = clock.GetUtcNow().UtcDateTime;
        var quarter = BenchmarkTime.CurrentQuarter(await companyZone.GetAsync(cancellationToken), now);
        try
        {
            return Outcome.Of(BenchmarkStatus.Done, await SaveAsync(db, raterId, rated, input, now, quarter, cancellationToken));
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the other request inserted first, so this one replaces it.
            db.ChangeTracker.Clear();
            return Outcome.Of(BenchmarkStatus.Done, await SaveAsync(db, raterId, rated, input, now, quarter, cancellationToken));
        }
    }

    /// <summary>The person rated, with the site and post the rating counts for.</summary>
    private sealed record RatedColleague(string Id, int SiteId, int? PositionId);

    private static async Task<int> SaveAsync(
        LmsDbContext db, string raterId, RatedColleague rated, StaffRatingInput input, DateTime now, YearQuarter quarter, CancellationToken cancellationToken)
    {
        var rating = await db.BenchmarkRatings.FirstOrDefaultAsync(r => r.RaterId == raterId && r.PersonId == rated.Id
            && r.Source != BenchmarkSource.Customer && r.Year == quarter.Year && r.Quarter == quarter.Quarter, cancellationToken);
        if (rating is null)
        {
            rating = new BenchmarkRating { RaterId = raterId, PersonId = rated.Id, Year = quarter.Year, Quarter = quarter.Quarter };
            db.BenchmarkRatings.Add(rating);
        }
        rating.Source = rated.Id == raterId ? BenchmarkSource.Self : BenchmarkSource.Peer;
        // The site of the team at the time of rating: the board of that site is where the rating counts.
        rating.SiteId = rated.SiteId;
        rating.PositionId = rated.PositionId;
        (rating.Meet, rating.Smile, rating.Greeting, rating.Rise) = (input.Meet, input.Smile!.Value, input.Greeting!.Value, input.Rise);
        rating.Comment = input.Comment.Length == 0 ? null : input.Comment;
        rating.AtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        return rating.Id;
    }
}
