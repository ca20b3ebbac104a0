namespace TrainingLms.Web.Infrastructure.Hosting;

/// <summary>
/// The browser protections every answer carries. The policy allows scripts, styles, images, media and requests from
/// the app's own origin only: no inline script, no inline style (pages use classes; scripts set sizes through the
/// CSSOM, which the policy allows), no plug-ins, no framing by anyone (the public feedback and verification pages
/// included), forms posting only back to the app. Bootstrap's form controls draw their icons from data: images.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>Sets the headers as the answer starts, so that error pages (whose handler clears the headers) carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
