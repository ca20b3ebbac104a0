using Microsoft.AspNetCore.Http.HttpResults;

namespace TrainingLms.Web.Features.ShiftReviews;

/// <summary>The review exports for managers and administrators; each only of the teams the viewer oversees.</summary>
public static class ShiftReviewEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/reviews").RequireAuthorization(Policies.Manager);
        export.MapGet("/export.csv", ExportCsv);
        export.MapGet("/export.xlsx", ExportXlsx);
    }

    // The filters are read as text through QueryValue, as the oversight page reads them: a value that does not parse
    // is absent, a date out of range is clamped.
    internal static async Task<FileContentHttpResult> ExportCsv(ClaimsPrincipal user, ReviewExport export, string? site, string? from, string? to, string? contractor)
    {
        var rows = await export.RowsAsync(ReviewViewer.From(user), QueryValue.Int(site), QueryValue.Date(from), QueryValue.Date(to), StaffFilter.Parse(contractor));
        return TypedResults.File(CsvExport.Write(rows, export.Header()), "text/csv; charset=utf-8", "shift-reviews.csv");
    }

    internal static async Task<FileContentHttpResult> ExportXlsx(ClaimsPrincipal user, ReviewExport export, string? site, string? from, string? to, string? contractor)
    {
        var rows = await export.RowsAsync(ReviewViewer.From(user), QueryValue.Int(site), QueryValue.Date(from), QueryValue.Date(to), StaffFilter.Parse(contractor));
        return TypedResults.File(ReviewExport.Xlsx(rows), XlsxExport.ContentType, "shift-reviews.xlsx");
    }
}
