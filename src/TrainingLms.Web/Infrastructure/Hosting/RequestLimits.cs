using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace TrainingLms.Web.Infrastructure.Hosting;

/// <summary>
/// Request body limits, so that nobody can make the app hold much in memory: 1 MB for a signed-in person (the largest
/// form, a lesson's Markdown in both languages, is a few hundred kilobytes), 64 KB for anyone not signed in (sign-in,
/// set-up, customer feedback); larger only where an endpoint or page says so (<see cref="RequestBodyLimitAttribute"/>):
/// the clip upload's chunks and the people import's file.
/// </summary>
public static class RequestLimits
{
    public const long SignedInBodyBytes = 1024 * 1024;

    public const long AnonymousBodyBytes = 64 * 1024;

    /// <summary>
    /// Lowers the limit for a request of someone not signed in, and refuses a body whose announced length is over the
    /// limit with 413 before anything reads it (a form post would otherwise fail its antiforgery check with a bare 400).
    /// Runs after authentication and before anything reads a body; a body without a length is cut off at the limit by
    /// the server as it is read.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                if (context.User.Identity?.IsAuthenticated != true && (limit.MaxRequestBodySize is null || limit.MaxRequestBodySize > AnonymousBodyBytes))
                    limit.MaxRequestBodySize = AnonymousBodyBytes;
                if (context.Request.ContentLength > limit.MaxRequestBodySize)
                {
                    var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    await context.Response.WriteAsync(localizer["Request.TooLarge"]);
                    return;
                }
            }
            await next(context);
        });
}

/// <summary>An endpoint's or page's own body limit (and multipart form limit), instead of <see cref="RequestLimits.SignedInBodyBytes"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequestBodyLimitAttribute(long maxBytes) : Attribute, IRequestSizeLimitMetadata, IFormOptionsMetadata
{
    public long? MaxRequestBodySize => maxBytes;

    public long? MultipartBodyLengthLimit => maxBytes;

    public bool? BufferBody => null;
    public int? MemoryBufferThreshold => null;
    public long? BufferBodyLengthLimit => null;
    public int? ValueCountLimit => null;
    public int? KeyLengthLimit => null;
    public int? ValueLengthLimit => null;
    public int? MultipartBoundaryLengthLimit => null;
    public int? MultipartHeadersCountLimit => null;
    public int? MultipartHeadersLengthLimit => null;
}
