using Microsoft.EntityFrameworkCore;
using TrainingLms.IntegrationTests.Performance;

namespace TrainingLms.Benchmarks.Pages;

/// <summary>
/// The demo company made large by <see cref="LargeCompanyGenerator"/> (62 sites, 508 teams, some 5,050 people, a year of
/// reviews …) once the app has seeded the demo; the same stand-in clip as <see cref="DemoCompany"/>'s, the same typical
/// person of each role and the same detail pages, so the two reports compare page by page.
/// </summary>
internal sealed class LargeCompany : IBenchCompany
{
    private readonly DemoCompany demo = new();

    public string Name => "the large company (the demo company and LargeCompanyGenerator's 5,000 people)";

    public string Password => demo.Password;

    public IReadOnlyDictionary<string, string> Settings => demo.Settings;

    public IReadOnlyList<BenchPerson> People => demo.People;

    public string ReportFile => "pages-large.md";

    public async Task<string?> SeedAsync(IServiceProvider services)
    {
        var timing = await LargeCompanyGenerator.GenerateAsync(services);
        await demo.SeedAsync(services);
        var people = await DemoCompany.QueryAsync(services, db => db.Users.CountAsync());
        var reviews = await DemoCompany.QueryAsync(services, db => db.ShiftReviews.CountAsync());
        return $"generated in {timing} ({people} people, {reviews} reviews).";
    }

    public Task<IReadOnlyList<string>> DetailRoutesAsync(IServiceProvider services, BenchPerson person) => demo.DetailRoutesAsync(services, person);
}
