using Microsoft.AspNetCore.Http.HttpResults;
using TrainingLms.Web.Features.Inspections.Oversight;

namespace TrainingLms.Web.Features.Inspections;

/// <summary>
/// The inspection photos, served only to those who may see the inspection or the rectification (never as static files);
/// and the oversight figures as CSV and Excel, to those who may open the oversight page, in their scope.
/// </summary>
public static class InspectionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/inspections/photos").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/{id:int}", PhotoAsync);

        var oversight = app.MapGroup("/inspections/oversight").RequireAuthorization(Policies.Inspector);
        oversight.MapGet("/export.csv", OversightCsvAsync);
        oversight.MapGet("/export.xlsx", OversightXlsxAsync);
    }

    // The filters are read as text, as the page reads them: a value that does not parse is absent (OversightFilter).
    private static async Task<FileContentHttpResult> OversightCsvAsync(
        ClaimsPrincipal user, OversightExport export, string? site, string? team, string? line, string? from, string? to, CancellationToken cancellationToken)
    {
        var rows = await export.RowsAsync(InspectionViewer.From(user), OversightFilter.Parse(site, team, line, from, to), cancellationToken);
        return TypedResults.File(CsvExport.Write(rows, export.Header()), "text/csv; charset=utf-8", "inspection-oversight.csv");
    }

    private static async Task<FileContentHttpResult> OversightXlsxAsync(
        ClaimsPrincipal user, OversightExport export, string? site, string? team, string? line, string? from, string? to, CancellationToken cancellationToken)
    {
        var rows = await export.RowsAsync(InspectionViewer.From(user), OversightFilter.Parse(site, team, line, from, to), cancellationToken);
        return TypedResults.File(XlsxExport.Write(rows, "Inspections"), XlsxExport.ContentType, "inspection-oversight.xlsx");
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> PhotoAsync(int id, ClaimsPrincipal user, InspectionQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        var path = await queries.PhotoFileAsync(InspectionViewer.From(user), id, cancellationToken);
        if (path is null || !File.Exists(path)) return TypedResults.NotFound();
        context.Response.Headers.CacheControl = "private, max-age=86400";
        return TypedResults.PhysicalFile(path, "image/jpeg");
    }
}
