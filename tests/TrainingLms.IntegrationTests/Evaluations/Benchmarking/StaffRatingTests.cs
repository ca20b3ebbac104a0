using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Evaluations.Benchmarking;

namespace TrainingLms.IntegrationTests.Evaluations.Benchmarking;

/// <summary>People placed at a site (and a team), for the staff side of "I Smile, I Act".</summary>
public static class BenchmarkStaff
{
    public static Task<int> TeamAsync(this BenchmarkFactory factory, int siteId, string name) => factory.WithDbAsync(async db =>
    {
        var team = new Team { SiteId = siteId, Name = name };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    });

    public static async Task<string> PersonAtAsync(this BenchmarkFactory factory, string number, int siteId, int? teamId = null, params string[] roles)
    {
        var id = await factory.CreatePersonAsync(number, roles.Length == 0 ? [Roles.Employee] : roles);
        await factory.WithDbAsync(db => db.Users.Where(p => p.Id == id)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.SiteId, siteId).SetProperty(x => x.TeamId, teamId)));
        return id;
    }
}

public class StaffRatingTests(BenchmarkFactory factory) : IClassFixture<BenchmarkFactory>
{
    private static Dictionary<string, string> Rating(string subjectId, int score, string comment = "") => new()
    {
        ["subject"] = subjectId, ["meet"] = $"{score}", ["smile"] = $"{score}", ["greeting"] = $"{score}", ["rise"] = $"{score}", ["comment"] = comment,
    };

    private Task<List<BenchmarkRating>> RatingsByAsync(string raterId) =>
        factory.WithDbAsync(db => db.BenchmarkRatings.AsNoTracking().Where(r => r.RaterId == raterId).OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task Rate_SelfAndColleagueOfOwnTeam_StoredAndCountedOnTheBoard()
    {
        var siteId = await factory.CreateSiteAsync("RA");
        var teamId = await factory.TeamAsync(siteId, "客服一班RA");
        var raterId = await factory.PersonAtAsync("RA1", siteId, teamId);
        var colleagueId = await factory.PersonAtAsync("RA2", siteId, teamId);
        using var client = await factory.SignedInAsync("RA1");

        var form = await client.GetStringAsync("/benchmark/rate");
        var peer = await client.PostFormAsync("/benchmark/rate", "rate", Rating(colleagueId, 4, "主动起身问好"));
        var self = await client.PostFormAsync("/benchmark/rate", "rate", Rating(raterId, 3));

        Assert.Contains($"value=\"{colleagueId}\"", form);
        Assert.Equal(HttpStatusCode.OK, peer.StatusCode);
        Assert.Contains("data-status=\"saved\"", await peer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        var ratings = await RatingsByAsync(raterId);
        Assert.Equal([(BenchmarkSource.Peer, colleagueId), (BenchmarkSource.Self, raterId)], ratings.Select(r => (r.Source, r.PersonId!)));
        Assert.All(ratings, r => Assert.Equal(siteId, r.SiteId));
        Assert.Equal((4, 4, 4, 4, "主动起身问好"), (ratings[0].Meet!.Value, ratings[0].Smile, ratings[0].Greeting, ratings[0].Rise!.Value, ratings[0].Comment));

        var board = await client.GetStringAsync($"/benchmark/sites/{siteId}");
        // Peer column of RA2 and self column of RA1 (the app's default culture is zh-CN), one rating each; with one source the combined is its score.
        Assert.Contains("<td data-label=\"同事\"><span>4.00 <small class=\"text-muted\">(1)</small>", Row(board, "RA2"));
        Assert.Contains("<strong>4.00</strong>", Row(board, "RA2"));
        Assert.Contains("<td data-label=\"自评\"><span>3.00 <small class=\"text-muted\">(1)</small>", Row(board, "RA1"));
        Assert.Contains("<strong>3.00</strong>", Row(board, "RA1"));
        Assert.Contains(">Q4</option>", board);
    }

    private static string Row(string html, string employeeNumber)
    {
        var start = html.IndexOf($"<tr data-person=\"{employeeNumber}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no board row for {employeeNumber}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Rate_PersonOutsideOwnTeam_403NothingStored()
    {
        var siteId = await factory.CreateSiteAsync("RB");
        var teamId = await factory.TeamAsync(siteId, "客服一班RB");
        var otherTeamId = await factory.TeamAsync(siteId, "保安一班RB");
        var raterId = await factory.PersonAtAsync("RB1", siteId, teamId);
        var outsiderId = await factory.PersonAtAsync("RB2", siteId, otherTeamId);
        var loneId = await factory.PersonAtAsync("RB3", siteId);
        using var rater = await factory.SignedInAsync("RB1");
        using var lone = await factory.SignedInAsync("RB3");

        var form = await rater.GetStringAsync("/benchmark/rate");
        var outside = await rater.PostFormAsync("/benchmark/rate", "rate", Rating(outsiderId, 5));
        var noTeam = await lone.PostFormAsync("/benchmark/rate", "rate", Rating(raterId, 5));

        Assert.DoesNotContain(outsiderId, form);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains("data-status=\"forbidden\"", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, noTeam.StatusCode);
        Assert.Empty(await RatingsByAsync(raterId));
        Assert.Empty(await RatingsByAsync(loneId));
    }

    [Fact]
    public async Task Rate_SameColleagueTwiceInAQuarter_SecondReplacesFirst()
    {
        var siteId = await factory.CreateSiteAsync("RC");
        var teamId = await factory.TeamAsync(siteId, "客服一班RC");
        var raterId = await factory.PersonAtAsync("RC1", siteId, teamId);
        var colleagueId = await factory.PersonAtAsync("RC2", siteId, teamId);
        var current = YearQuarter.Of(TrainingLms.Domain.SiteTime.Today(factory.Clock.UtcNow, null));
        var earlier = current.Previous;
        await factory.WithDbAsync(async db =>
        {
            db.BenchmarkRatings.Add(new BenchmarkRating
            {
                Source = BenchmarkSource.Peer, RaterId = raterId, PersonId = colleagueId, SiteId = siteId, Smile = 2, Greeting = 2, Meet = 2, Rise = 2,
                AtUtc = DateTime.UtcNow.AddDays(-100), Year = earlier.Year, Quarter = earlier.Quarter,
            });
            return await db.SaveChangesAsync();
        });
        using var client = await factory.SignedInAsync("RC1");

        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/benchmark/rate", "rate", Rating(colleagueId, 3))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/benchmark/rate", "rate", Rating(colleagueId, 5, "改主意了"))).StatusCode);
        var invalid = await client.PostFormAsync("/benchmark/rate", "rate", Rating(colleagueId, 6));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var ratings = await RatingsByAsync(raterId);
        Assert.Equal(2, ratings.Count);
        Assert.Equal((earlier, 2), (new YearQuarter(ratings[0].Year, ratings[0].Quarter), ratings[0].Smile));
        Assert.Equal((current, 5, "改主意了"), (new YearQuarter(ratings[1].Year, ratings[1].Quarter), ratings[1].Smile, ratings[1].Comment));
    }

    [Fact]
    public async Task Rate_SameFormSentManyTimesAtOnce_StoredOnce()
    {
        var siteId = await factory.CreateSiteAsync("RD");
        var teamId = await factory.TeamAsync(siteId, "客服一班RD");
        var raterId = await factory.PersonAtAsync("RD1", siteId, teamId);
        var colleagueId = await factory.PersonAtAsync("RD2", siteId, teamId);
        var input = new StaffRatingInput { SubjectId = colleagueId, Meet = 4, Smile = 5, Greeting = 4, Rise = 5 };

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            factory.WithScopeAsync(s => s.GetRequiredService<StaffRatings>().SubmitAsync(raterId, input))));

        Assert.All(results, r => Assert.Equal(BenchmarkStatus.Done, r.Status));
        Assert.Single(await RatingsByAsync(raterId));
    }
}
