using Microsoft.AspNetCore.Http.HttpResults;
using TrainingLms.Web.Features.Organisation;
using TrainingLms.Web.Features.Printables;

namespace TrainingLms.Web.Features.Inspections.SitePack;

/// <summary>
/// The monthly site pack of one site, as PDF or Excel: to administrators and trainers for any site, to a manager for
/// their own (<see cref="SitePackService"/>). The query is checked, not guessed at: a missing or malformed site or month,
/// a month still to come, or an unknown format is a 400; a site that does not exist a 404.
/// </summary>
public static class SitePackEndpoints
{
    public const string Path = "/inspections/oversight/site-pack";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, DownloadAsync).RequireAuthorization(Policies.SitePack);

    /// <summary>The pack's address for a site and month, in a format and language.</summary>
    public static string Url(int siteId, DateOnly month, string format, string lang) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}?site={siteId}&month={month:yyyy-MM}&format={format}&lang={lang}");

    /// <param name="lang">zh-CN or en (en-US); anything else: the page's language.</param>
    internal static async Task<Results<FileContentHttpResult, ContentHttpResult, NotFound, ForbidHttpResult403>> DownloadAsync(
        string? site, string? month, string? format, string? lang, ClaimsPrincipal user, SitePackService packs, SitePackPdf pdf, SitePackXlsx xlsx,
        TimeProvider clock, CompanyTimeZone companyZone, CancellationToken cancellationToken)
    {
        if (QueryValue.Int(site) is not { } siteId) return BadRequest("site: the id of one site is required.");
        if (month is null || month.Length != 7 || QueryValue.Month(month) is not { } first || first.ToString("yyyy-MM", CultureInfo.InvariantCulture) != month)
            return BadRequest("month: a month written yyyy-MM (2026-11) is required.");
        var thisMonth = SiteTime.Today(clock.GetUtcNow().UtcDateTime, await companyZone.GetAsync(cancellationToken));
        if (first > thisMonth) return BadRequest("month: a pack covers a month that has begun.");
        var pdfWanted = (format ?? "pdf") switch
        {
            "pdf" => true,
            "xlsx" => false,
            _ => (bool?)null,
        };
        if (pdfWanted is not { } asPdf) return BadRequest("format: pdf or xlsx.");

        var (status, pack) = await packs.GatherAsync(InspectionViewer.From(user), siteId, first, cancellationToken);
        if (status == SitePackStatus.NotFound) return TypedResults.NotFound();
        if (status == SitePackStatus.Forbidden || pack is null) return ForbidHttpResult403.Instance;

        // The language of the file, for the rest of this request only (the change stays inside this async method).
        var culture = PrintableEndpoints.CultureOf(lang);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        var name = string.Create(CultureInfo.InvariantCulture, $"site-pack-{siteId}-{month}-{culture.Name}");
        return asPdf
            ? TypedResults.File(pdf.Render(pack), "application/pdf", name + ".pdf")
            : TypedResults.File(xlsx.Render(pack), XlsxExport.ContentType, name + ".xlsx");
    }

    /// <summary>
    /// A 400 that says what is wrong in plain text. Not BadRequest&lt;string&gt;: a JSON result would mark the endpoint as
    /// an API, and the cookie handler would then answer a signed-out person with a 401 instead of the sign-in page.
    /// </summary>
    private static ContentHttpResult BadRequest(string reason) => TypedResults.Text(reason, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
