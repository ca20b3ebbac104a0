using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.StaticAssets;

namespace TrainingLms.Web.Features.Account;

/// <summary>
/// Someone signed in with an initial password set by an administrator or an import is sent to choose their own
/// before they can reach anything else: no page, and no download either (CSV, Excel, PDF, pictures, video), which
/// would otherwise open the data behind the pages. The API answers 403.
/// </summary>
public static class MustChangePasswordMiddleware
{
    public const string ChangePasswordPath = "/account/password";

    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.MustChangePassword() && !IsNeededToChangeIt(context))
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages) statusPages.Enabled = false;
                }
                else
                {
                    context.Response.Redirect(ChangePasswordPath);
                }
                return;
            }
            await next(context);
        });

    /// <summary>The account pages (the form itself, signing out), the language switch, the page's styles and scripts, the health check.</summary>
    private static bool IsNeededToChangeIt(HttpContext context)
    {
        var path = context.Request.Path;
        return path.StartsWithSegments("/account")
            || path.StartsWithSegments("/culture")
            || path.StartsWithSegments("/healthz")
            || path.StartsWithSegments("/_framework")
            || path.StartsWithSegments("/_content")
            || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
    }
}
