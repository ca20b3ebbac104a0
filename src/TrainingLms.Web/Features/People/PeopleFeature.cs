using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingLms.Web.Features.People.Import;

namespace TrainingLms.Web.Features.People;

public static class PeopleFeature
{
    public static void AddPeople(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<PeopleAdministration>();
        builder.Services.AddScoped<PeopleDirectory>();
        builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<PeopleImporter>();
        builder.Services.AddScoped<ImportWriter>();
        builder.Services.AddScoped<StagedImports>();
    }

    /// <summary>Removes what an import interrupted by a crash had staged, or finishes one that was already switched in.</summary>
    public static async Task RepairPeopleImportsAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StagedImports>().RepairAsync();
    }

    public static void MapPeople(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/admin/people").RequireAuthorization(Policies.Admin);
        people.MapGet("/import/template.csv", DownloadTemplate);
        people.MapGet("/export.csv", ExportAsync);
    }

    /// <summary>The people list as the list page filters it, in the import's columns.</summary>
    internal static async Task<FileContentHttpResult> ExportAsync(PeopleDirectory directory, string? q, string? siteId, string? teamId, string? role, string? status, string? contractor)
    {
        var search = new PeopleSearch(q, QueryValue.Int(siteId), QueryValue.Int(teamId), role, status, StaffFilter.Parse(contractor));
        return TypedResults.File(await directory.CsvAsync(search), "text/csv; charset=utf-8", "people.csv");
    }

    /// <summary>An empty list with the expected headers, saved with a BOM so Excel opens the Chinese correctly.</summary>
    internal static FileContentHttpResult DownloadTemplate() =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PeopleCsv.TemplateHeader + "\r\n")).ToArray(),
            "text/csv; charset=utf-8", "people-template.csv");
}
