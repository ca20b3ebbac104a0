namespace TrainingLms.Web.Features.Account;

/// <summary>
/// Someone signed in with an initial password set by an administrator or an import is sent to choose
/// their own before they can open any page.
/// </summary>
public static class MustChangePasswordMiddleware
{
    public const string ChangePasswordPath = "/account/password";

    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.MustChangePassword() && IsPage(context.Request.Path))
            {
                context.Response.Redirect(ChangePasswordPath);
                return;
            }
            await next(context);
        });

    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/account")
        && !path.StartsWithSegments("/_framework")
        && !path.StartsWithSegments("/_content")
        && !path.StartsWithSegments("/healthz")
        && !path.StartsWithSegments("/culture")
        && !Path.HasExtension(path.Value);
}
