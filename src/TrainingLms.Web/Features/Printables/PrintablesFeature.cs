using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Printables.Content;
using TrainingLms.Web.Features.Printables.Rendering;

namespace TrainingLms.Web.Features.Printables;

/// <summary>The pocket conduct card and the wall charts, drawn as PDF from content/printables/.</summary>
public static class PrintablesFeature
{
    public static void AddPrintables(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PrintableLibrary>();
        builder.Services.AddSingleton<PrintablePdf>();
        builder.Services.AddSingleton<PrintablesSyncState>();
        builder.Services.AddScoped<IContentSection, PrintablesContentSection>();
    }

    public static void MapPrintables(this IEndpointRouteBuilder app) => PrintableEndpoints.Map(app);
}
