using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

/// <summary>
/// Limits customer ratings per client address (the real client's behind the proxy, see <see cref="ClientAddress"/>), counted in the database for every instance: only the posts count, so opening the form stays free. Its refusal is a
/// plain localized text, the page's own, whatever the other limits answer.
/// </summary>
public sealed class FeedbackRateLimit(IOptions<BenchmarkOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "customer-feedback";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await context.HttpContext.Response.WriteAsync(localizer["Benchmark.Feedback.TooMany"], cancellationToken);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
        var limits = options.Value;
        return DatabaseRateLimit.Partition(httpContext, Name, limits.FeedbackPerWindow, TimeSpan.FromMinutes(limits.FeedbackWindowMinutes));
    }
}
