using Microsoft.AspNetCore.Http.HttpResults;

namespace TrainingLms.Web.Features.Evaluations.Rankings;

/// <summary>An evaluation period's export, for administrators: every target, its evaluations and its published line.</summary>
public static class RankingEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/admin/evaluations/{periodId:int}").RequireAuthorization(Policies.Admin);
        export.MapGet("/export.csv", ExportCsv);
        export.MapGet("/export.xlsx", ExportXlsx);
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> ExportCsv(int periodId, string? contractor, RankingExport export) =>
        await export.TableAsync(periodId, StaffFilter.Parse(contractor)) is { } table
            ? TypedResults.File(CsvExport.Write(table.Rows, table.Header), "text/csv; charset=utf-8", table.FileName + ".csv")
            : TypedResults.NotFound();

    internal static async Task<Results<FileContentHttpResult, NotFound>> ExportXlsx(int periodId, string? contractor, RankingExport export) =>
        await export.TableAsync(periodId, StaffFilter.Parse(contractor)) is { } table
            ? TypedResults.File(XlsxExport.Write(table.Rows, "Evaluations"), XlsxExport.ContentType, table.FileName + ".xlsx")
            : TypedResults.NotFound();
}
