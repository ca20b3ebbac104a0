using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>A clock the tests set; it starts at the real time so sign-in cookies behave as usual.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTime UtcNow { get; set; } = DateTime.UtcNow;

    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(UtcNow, DateTimeKind.Utc));

    /// <summary>Sets the clock to a wall-clock time at a site.</summary>
    public void SetLocal(DateTime local, string timeZoneId) => UtcNow = SiteTime.ToUtc(local, timeZoneId);
}

/// <summary>The app with a settable clock, and helpers that build sites and sign people in, for tests of features that live at sites.</summary>
public abstract class OrganisationFactory : LmsFactory
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task<int> CreateSiteAsync(string code, string timeZoneId = SiteTime.DefaultTimeZoneId) => WithDbAsync(async db =>
    {
        var site = new Site { Code = code, Name = "项目" + code, TimeZoneId = timeZoneId };
        db.Sites.Add(site);
        await db.SaveChangesAsync();
        return site.Id;
    });
}
