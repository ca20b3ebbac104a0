using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingLms.Web.Features.People.Import;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.Web.Features.People;

public static class PeopleFeature
{
    public static void AddPeople(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<PeopleAdministration>();
        builder.Services.AddScoped<PeopleImporter>();
    }

    public static void MapPeople(this IEndpointRouteBuilder app) =>
        app.MapGroup("/admin/people").RequireAuthorization(Policies.Admin)
            .MapGet("/import/template.csv", DownloadTemplate);

    /// <summary>An empty list with the expected headers, saved with a BOM so Excel opens the Chinese correctly.</summary>
    internal static FileContentHttpResult DownloadTemplate() =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PeopleCsv.TemplateHeader + "\r\n")).ToArray(),
            "text/csv; charset=utf-8", "people-template.csv");
}
