using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace TrainingLms.Web.Features.Account;

public static class AccountFeature
{
    public const string SignInPath = "/account/signin";
    public const string AccessDeniedPath = "/account/denied";

    /// <summary>Where the status-code pages render an error answer ({0} is the status code): 403 shows "no access", the rest "not found".</summary>
    public const string StatusPagePath = "/status/{0}";

    public static void AddAccount(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<Person>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LmsDbContext>()
            .AddSignInManager<LmsSignInManager>()
            .AddClaimsPrincipalFactory<LmsClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<WeakPasswordValidator>()
            .AddDefaultTokenProviders();

        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, account) =>
        {
            identity.SignIn.RequireConfirmedAccount = false;
            identity.User.RequireUniqueEmail = false;
            identity.Password.RequiredLength = account.Value.MinPasswordLength;
            identity.Password.RequireDigit = true;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            // Identity's lockout is per account, so a stranger could lock anyone out; SignInThrottling counts per address instead.
            identity.Lockout.AllowedForNewUsers = false;
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccountOptions>>((stamp, account) =>
            stamp.ValidationInterval = TimeSpan.FromMinutes(account.Value.SessionRecheckMinutes));

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Events.OnRedirectToAccessDenied = Refuse;
            // Signing in on the sign-in page makes the cookie handler itself redirect to ?ReturnUrl=, unchecked beyond
            // "starts with one slash": a tab could turn it into another host, a U+3000 into a header Kestrel refuses (500).
            cookie.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalUrl.OrHome(context.RedirectUri));
                return Task.CompletedTask;
            };
            cookie.Cookie.Name = "TrainingLms.Auth";
            cookie.Cookie.HttpOnly = true;
            // Secure whenever the request was https, directly or as the configured proxy says (Infrastructure/Hosting).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(7);
        });

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<PersonLookup>();
        services.AddSingleton<SignInThrottling>();
        services.AddSingleton<SignInLimits>();
        services.AddSingleton<UnknownAccountHash>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<PasswordConfirmation>();
        services.AddSingleton<SetupState>();
        services.AddScoped<FirstAdministratorSetup>();
    }

    /// <summary>
    /// A signed-in person without the role gets a real 403 at the address they asked for, not a redirect to a page that
    /// answers 200. A page opened in the browser is answered with the friendly "no access" page (the status-code pages
    /// render it in the same response); a download, a preview, an API or any form post gets the plain 403 its caller checks.
    /// </summary>
    internal static Task Refuse(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (!IsPageRequest(context.Request) && context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            statusPages.Enabled = false;
        return Task.CompletedTask;
    }

    private static readonly string[] FileExtensions = [".csv", ".xlsx", ".zip"];

    internal static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments("/api")
        && !FileExtensions.Any(extension => request.Path.Value?.EndsWith(extension, StringComparison.OrdinalIgnoreCase) == true);

    public static void MapAccount(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/signout", SignOut).RequireAuthorization(Policies.SignedIn).WithMetadata(new RequireAntiforgeryTokenAttribute());

    internal static async Task<Results<RedirectHttpResult, BadRequest>> SignOut(HttpContext context, SignInManager<Person> signIn)
    {
        // Minimal APIs reject a bad token only when they bind a form; this handler binds none, so it checks itself.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }) return TypedResults.BadRequest();
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(SignInPath);
    }
}
