using Microsoft.AspNetCore.Http;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

/// <summary>What the public form shows for a code: the site and the label staff chose, nothing about the person.</summary>
public sealed record FeedbackTarget(int CodeId, string Code, string SiteName, string Label);

/// <summary>What a customer posts: two scores and an optional comment.</summary>
public sealed class FeedbackInput
{
    public int? Smile { get; set; }
    public int? Greeting { get; set; }
    public string Comment { get; set; } = "";

    public static FeedbackInput FromForm(IFormCollection form) => new()
    {
        Smile = BenchmarkText.Score(form["smile"]),
        Greeting = BenchmarkText.Score(form["greeting"]),
        Comment = BenchmarkText.Clean(form["comment"]),
    };
}

/// <summary>The public, sign-in-free customer rating reached through a feedback code's QR code.</summary>
public sealed class CustomerFeedback(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, CompanyTimeZone companyZone)
{
    public async Task<FeedbackTarget?> FindAsync(string? typedCode, CancellationToken cancellationToken = default)
    {
        if (FeedbackCodeFormat.Normalise(typedCode) is not { } code) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.FeedbackCodes.AsNoTracking().Where(c => c.Code == code && c.IsActive)
            .Select(c => new FeedbackTarget(c.Id, c.Code, db.Sites.Where(s => s.Id == c.SiteId).Select(s => s.Name).First(), c.Label))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public static Dictionary<string, string> Validate(FeedbackInput input)
    {
        var errors = new Dictionary<string, string>();
        if (!BenchmarkScores.InRange(input.Smile)) errors["smile"] = "Benchmark.Validation.Score";
        if (!BenchmarkScores.InRange(input.Greeting)) errors["greeting"] = "Benchmark.Validation.Score";
        if (input.Comment.Length > BenchmarkScores.MaxCommentLength) errors["comment"] = "Benchmark.Validation.CommentTooLong";
        return errors;
    }

    public async Task<Outcome<BenchmarkStatus>> SubmitAsync(string? typedCode, FeedbackInput input, CancellationToken cancellationToken = default)
    {
        if (FeedbackCodeFormat.Normalise(typedCode) is not { } code) return Outcome.Of(BenchmarkStatus.NotFound);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.FeedbackCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code && c.IsActive, cancellationToken) is not { } feedbackCode)
            return Outcome.Of(BenchmarkStatus.NotFound);
        var errors = Validate(input);
        if (errors.Count > 0) return Outcome.Refused(BenchmarkStatus.Invalid, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var quarter = BenchmarkTime.CurrentQuarter(await companyZone.GetAsync(cancellationToken), now);
        var rating = new BenchmarkRating
        {
            Source = BenchmarkSource.Customer, RaterId = null, FeedbackCodeId = feedbackCode.Id, SiteId = feedbackCode.SiteId,
            PersonId = feedbackCode.PersonId, PositionId = feedbackCode.PositionId,
            Smile = input.Smile!.Value, Greeting = input.Greeting!.Value, Comment = input.Comment.Length == 0 ? null : input.Comment,
            AtUtc = now, Year = quarter.Year, Quarter = quarter.Quarter,
        };
        db.BenchmarkRatings.Add(rating);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Of(BenchmarkStatus.Done, rating.Id);
    }
}
