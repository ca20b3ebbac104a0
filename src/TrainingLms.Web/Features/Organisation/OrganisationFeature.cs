namespace TrainingLms.Web.Features.Organisation;

/// <summary>The company's sites, posts and teams, kept by administrators.</summary>
public static class OrganisationFeature
{
    public static void AddOrganisation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrganisationAdministration>();
        builder.Services.AddSingleton<CompanyTimeZone>();
    }
}
