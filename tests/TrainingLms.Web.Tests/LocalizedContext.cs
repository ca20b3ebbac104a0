using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TrainingLms.Web.Features.Localization;

namespace TrainingLms.Web.Tests;

/// <summary>A bUnit context with the app's real localization, so components render the shipped resx strings.</summary>
public abstract partial class LocalizedContext : BunitContext
{
    private readonly CultureInfo originalCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo originalUICulture = CultureInfo.CurrentUICulture;

    protected LocalizedContext()
    {
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddSingleton<IStringLocalizer<SharedResource>, CachingStringLocalizer>();
    }

    /// <summary>Sets both cultures, as the request localization middleware does for a page.</summary>
    protected static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>An element's text with Razor's line breaks and indentation collapsed to single spaces.</summary>
    protected static string Text(AngleSharp.Dom.INode node) => Squash(node.TextContent);

    /// <summary>Collapses any run of whitespace (including the narrow no-break space ICU puts before AM/PM) to one space.</summary>
    protected static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = originalCulture;
        CultureInfo.CurrentUICulture = originalUICulture;
        base.Dispose(disposing);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
