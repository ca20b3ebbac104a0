using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace TrainingLms.Web.Features.Localization;

/// <summary>zh-CN by default, en-US on request; the choice lives in a cookie and, once signed in, on the person.</summary>
public static class LocalizationFeature
{
    public static void AddLmsLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddSingleton<IStringLocalizer<SharedResource>, CachingStringLocalizer>();
        // Serve Chinese as characters, not numeric entities: pages stay a third of the size on a phone.
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddOptions<LmsLocalizationOptions>().BindConfiguration(LmsLocalizationOptions.SectionName)
            .Validate(o => LmsLocalizationOptions.Supported.Contains(o.DefaultCulture), "Localization:DefaultCulture must be zh-CN or en-US.")
            .ValidateOnStart();
        builder.Services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<LmsLocalizationOptions>>((options, lms) =>
        {
            options.SetDefaultCulture(lms.Value.DefaultCulture)
                .AddSupportedCultures(LmsLocalizationOptions.Supported)
                .AddSupportedUICultures(LmsLocalizationOptions.Supported);
            // The browser's language is deliberately ignored: staff phones are often set to English
            // while the company's working language is Chinese.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }

    public static void MapLmsLocalization(this IEndpointRouteBuilder app) =>
        app.MapPost("/culture", ChangeCulture).AllowAnonymous();

    internal static async Task<RedirectHttpResult> ChangeCulture(
        [FromForm] string culture,
        [FromForm] string? returnUrl,
        HttpContext context,
        UserManager<Person> users)
    {
        if (LmsLocalizationOptions.Supported.Contains(culture))
        {
            WriteCultureCookie(context, culture);
            if (await users.GetUserAsync(context.User) is { } person)
            {
                person.PreferredCulture = culture;
                await users.UpdateAsync(person);
            }
        }
        return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }

    public static void WriteCultureCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
}
