using Microsoft.AspNetCore.Http.HttpResults;
using TrainingLms.Web.Features.Localization;
using TrainingLms.Web.Features.Printables.Content;
using TrainingLms.Web.Features.Printables.Rendering;

namespace TrainingLms.Web.Features.Printables;

/// <summary>The printables as PDF files, for anyone signed in: the pocket card and a wall chart per line of work.</summary>
public static class PrintableEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/printables").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/card.pdf", Card);
        group.MapGet("/charts/{lineOfWork}.pdf", Chart);
    }

    /// <param name="lang">zh-CN or en (en-US); anything else: the page's language.</param>
    internal static Results<FileContentHttpResult, NotFound> Card(string? lang, PrintableLibrary library, PrintablePdf pdf) =>
        File(library.Current().Card, lang, pdf);

    /// <param name="lineOfWork">The line in an address: customer-service, security, cleaning, engineering, greening.</param>
    internal static Results<FileContentHttpResult, NotFound> Chart(string lineOfWork, string? lang, PrintableLibrary library, PrintablePdf pdf) =>
        PrintableDefinition.FromRouteName(lineOfWork) is { } line ? File(library.Current().Chart(line), lang, pdf) : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound> File(PrintableDefinition? definition, string? lang, PrintablePdf pdf)
    {
        if (definition is null) return TypedResults.NotFound();
        var culture = CultureOf(lang);
        var name = $"{definition.Slug}-{culture.Name}.pdf";
        return TypedResults.File(pdf.Render(definition, culture), "application/pdf", name);
    }

    /// <summary>The language asked for, when it is one the LMS speaks; otherwise the request's own.</summary>
    internal static CultureInfo CultureOf(string? lang) => lang switch
    {
        LmsLocalizationOptions.Chinese or "zh" => CultureInfo.GetCultureInfo(LmsLocalizationOptions.Chinese),
        LmsLocalizationOptions.English or "en" => CultureInfo.GetCultureInfo(LmsLocalizationOptions.English),
        _ => LmsLocalizationOptions.Supported.Contains(CultureInfo.CurrentUICulture.Name) ? CultureInfo.CurrentUICulture : CultureInfo.GetCultureInfo(LmsLocalizationOptions.Chinese),
    };

    /// <summary>The address of a printable in a language, for links.</summary>
    public static string CardUrl(string lang) => $"/printables/card.pdf?lang={lang}";

    public static string ChartUrl(TrainingLms.Domain.Organisation.LineOfWork line, string lang) =>
        $"/printables/charts/{PrintableDefinition.RouteName(line)}.pdf?lang={lang}";
}
