using TrainingLms.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingLms.Domain.Drills;
using TrainingLms.Web.Features.Drills.Certificates;
using TrainingLms.Web.Features.Drills.Clearance;
using TrainingLms.Web.Features.Localization;

namespace TrainingLms.Web.Features.Drills;

/// <summary>The files of the feature: a certificate as PDF (its holder and administrators) and the clearance board as CSV.</summary>
public static class DrillEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/certificates/{code}.pdf", Certificate).RequireAuthorization(Policies.SignedIn);
        app.MapGet("/clearance/export.csv", ExportBoard).RequireAuthorization(Policies.Manager);
    }

    /// <param name="lang">zh-CN or en-US; otherwise the page's language.</param>
    internal static async Task<Results<FileContentHttpResult, NotFound, ContentHttpResult>> Certificate(
        string code, string? lang, ClaimsPrincipal user, HttpContext context, CertificateVerification verification, CertificatePdf pdf,
        PublicAddress publicAddress, IDbContextFactory<LmsDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
    {
        if (await verification.FindAsync(code) is not var (certificate, status)) return TypedResults.NotFound();
        var viewer = DrillViewer.From(user);
        if (certificate.PersonId != viewer.PersonId && !viewer.IsAdmin) return Refused(localizer);

        await using var db = await dbFactory.CreateDbContextAsync();
        var company = await db.Companies.OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync() ?? "";
        var verifyUrl = publicAddress.For(context.Request, $"/verify/{certificate.Code}");
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            if (lang is not null && LmsLocalizationOptions.Supported.Contains(lang))
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(lang);
            var file = pdf.Render(certificate, status, company, verifyUrl);
            return TypedResults.File(file, "application/pdf", $"certificate-{certificate.Code}-{CultureInfo.CurrentUICulture.Name}.pdf");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    internal static async Task<Results<FileContentHttpResult, ContentHttpResult>> ExportBoard(
        ClaimsPrincipal user, ClearanceBoard board, IStringLocalizer<SharedResource> localizer, string? site, string? status, string? q, string? position, string? contractor)
    {
        var filter = new BoardFilter(QueryValue.Int(site), QueryValue.Enum<ClearanceStatus>(status), q, QueryValue.Int(position), StaffFilter.Parse(contractor));
        if (await board.LoadAsync(DrillViewer.From(user), filter) is not { } model) return Refused(localizer);
        return TypedResults.File(CsvExport.Write(board.Rows(model), board.Header()), "text/csv; charset=utf-8", "clearance.csv");
    }

    // A body of its own, so the status-code pages leave it alone (they would show "page not found").
    private static ContentHttpResult Refused(IStringLocalizer<SharedResource> localizer) =>
        TypedResults.Text(localizer["Denied.Text"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
}
