using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.IntegrationTests.ShiftReviews;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.IntegrationTests.Hosting;

/// <summary>The database's fixed-window counter that every app instance's rate limits share, on either provider.</summary>
public sealed class RateLimitCounterTests : IAsyncLifetime
{
    private readonly ShiftReviewsFactory factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private RateLimitCounter Counter => factory.Services.GetRequiredService<RateLimitCounter>();

    [Fact]
    public async Task Count_TwentyRequestsAtOnce_EachGetsItsOwnCount_ThenANewWindowStartsAtOne()
    {
        factory.Clock.UtcNow = new DateTime(2026, 3, 2, 8, 0, 10, DateTimeKind.Utc);
        var window = TimeSpan.FromMinutes(1);

        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Counter.CountAsync("test:203.0.113.9", window)));

        Assert.Equal(Enumerable.Range(1, 20), counts.Order());
        Assert.Equal(1, await Counter.CountAsync("test:203.0.113.10", window));
        factory.Clock.UtcNow = factory.Clock.UtcNow.AddMinutes(1);
        Assert.Equal(1, await Counter.CountAsync("test:203.0.113.9", window));
        Assert.Equal(2, await Counter.CountAsync("test:203.0.113.9", window));
    }

    [Fact]
    public async Task Count_AfterTheHorizon_QuietClientsCountersArePruned()
    {
        factory.Clock.UtcNow = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        await Counter.CountAsync("test:quiet", TimeSpan.FromMinutes(1));
        factory.Clock.UtcNow += RateLimitCounter.Horizon + TimeSpan.FromHours(2);

        await Counter.CountAsync("test:busy", TimeSpan.FromMinutes(1));

        await using var db = factory.Database.Open();
        Assert.Equal(["test:busy"], await db.RateLimitWindows.Select(w => w.Key).ToListAsync());
    }
}
