using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrainingLms.Data;
using TrainingLms.Data.Identity;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.Account;

public static class AccountFeature
{
    public const string SignInPath = "/account/signin";
    public const string AccessDeniedPath = "/account/denied";

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
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = account.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(account.Value.LockoutMinutes);
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccountOptions>>((stamp, account) =>
            stamp.ValidationInterval = TimeSpan.FromMinutes(account.Value.SessionRecheckMinutes));

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "TrainingLms.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(7);
        });

        services.AddScoped<PersonLookup>();
        services.AddScoped<PasswordConfirmation>();
        services.AddSingleton<SetupState>();
        services.AddScoped<FirstAdministratorSetup>();
    }

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
