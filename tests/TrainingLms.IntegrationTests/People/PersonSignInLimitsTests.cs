using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Account;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.People;

/// <summary>The sign-in limits on the administrator's person page: seen, cleared, and the clearing recorded.</summary>
public class PersonSignInLimitsTests(SignInFactory factory) : IClassFixture<SignInFactory>
{
    [Fact]
    public async Task ClearSignInLimits_WorkerWaitingAtTheirAddress_SignsInAgain_AndTheClearingIsRecorded()
    {
        var personId = await factory.CreatePersonAsync("L100", [Roles.Employee]);
        var worker = factory.ClientFrom("192.0.2.44");
        for (var i = 0; i < 5; i++) await worker.SignInAsync("L100", "wrong-password" + i);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await worker.SignInAsync("L100")).StatusCode);
        var administrator = await factory.AdministratorClientAsync();
        var page = await administrator.GetStringAsync($"/admin/people/{personId}");
        Assert.Contains("192.0.2.44", page);

        var cleared = await administrator.PostFormAsync($"/admin/people/{personId}", "signin-limits", []);

        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Contains("已清除登录限制", await cleared.Content.ReadAsStringAsync());
        var signIn = await worker.SignInAsync("L100");
        Assert.Equal("/", signIn.RedirectPath());
        var administratorId = (await factory.FindPersonAsync(LmsFactory.AdministratorNumber))!.Id;
        var records = await factory.WithDbAsync(db => db.Database
            .SqlQuery<UnlockRecord>($"SELECT \"PersonId\", \"UnlockedById\", \"UnlockedAtUtc\" FROM \"SignInUnlocks\"").ToListAsync());
        var record = Assert.Single(records);
        Assert.Equal((personId, administratorId), (record.PersonId, record.UnlockedById));
        Assert.InRange(record.UnlockedAtUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        var after = await administrator.GetStringAsync($"/admin/people/{personId}");
        Assert.Contains("由 管理员 (ADMIN1) 清除", after);
        Assert.Contains("近期没有登录失败记录", after);
    }

    [Fact]
    public async Task PersonPage_NoFailedSignIns_OffersNothingToClear()
    {
        var personId = await factory.CreatePersonAsync("L200", [Roles.Employee]);
        var administrator = await factory.AdministratorClientAsync();

        var page = await administrator.GetStringAsync($"/admin/people/{personId}");

        Assert.Contains("近期没有登录失败记录", page);
        Assert.DoesNotContain("清除登录限制</button>", page);
    }

    private sealed record UnlockRecord(string PersonId, string? UnlockedById, DateTime UnlockedAtUtc);
}
