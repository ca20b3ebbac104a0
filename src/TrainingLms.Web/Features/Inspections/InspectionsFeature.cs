using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Inspections.Content;
using TrainingLms.Web.Features.Inspections.Oversight;
using TrainingLms.Web.Features.Inspections.Photos;
using TrainingLms.Web.Features.Inspections.SitePack;

namespace TrainingLms.Web.Features.Inspections;

/// <summary>On-site quality inspections against the forms in content/inspections, and the rectifications they open.</summary>
public static class InspectionsFeature
{
    public static void AddInspections(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InspectionOptions>().BindConfiguration(InspectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<InspectionFormSyncState>();
        builder.Services.AddScoped<InspectionFormSync>();
        builder.Services.AddScoped<IContentSection>(services => services.GetRequiredService<InspectionFormSync>());
        builder.Services.AddSingleton<PhotoIntake>();
        builder.Services.AddSingleton<PhotoStore>();
        builder.Services.AddScoped<InspectionFiling>();
        builder.Services.AddScoped<InspectionQueries>();
        builder.Services.AddScoped<Rectifications>();
        builder.Services.AddSingleton<OversightCounts>();
        builder.Services.AddScoped<InspectionOversight>();
        builder.Services.AddScoped<OversightExport>();
        builder.Services.AddScoped<SitePackService>();
        builder.Services.AddScoped<SitePackSections>();
        builder.Services.AddScoped<SitePackPdf>();
        builder.Services.AddScoped<SitePackXlsx>();
    }

    public static void MapInspections(this IEndpointRouteBuilder app)
    {
        InspectionEndpoints.Map(app);
        SitePackEndpoints.Map(app);
    }
}
