using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.People;

namespace TrainingLms.IntegrationTests.Account;

/// <summary>
/// Someone who still has the password an administrator gave them reaches nothing but choosing their own: no page, no
/// download (CSV, Excel, PDF, images, video), no API; only what changing the password and signing out need.
/// </summary>
public class MustChangePasswordTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    private async Task<HttpClient> NewcomerAsync(string number)
    {
        await factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>().CreateAsync(
            new PersonInput { EmployeeNumber = number, FullName = "新人" + number, Roles = [Roles.Admin, Roles.Manager, Roles.Trainer] },
            LmsFactory.Password, mustChangePassword: true));
        var client = factory.CreateSessionClient();
        await client.SignInAsync(number);
        return client;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/people/import/template.csv")]
    [InlineData("/reviews/export.csv")]
    [InlineData("/reviews/export.xlsx")]
    [InlineData("/clearance/export.csv")]
    [InlineData("/admin/evaluations/1/export.xlsx")]
    [InlineData("/certificates/ABCDEFGHJK.pdf")]
    [InlineData("/clips/1/poster.jpg")]
    [InlineData("/clips/1/video/480p.mp4")]
    [InlineData("/clips/1/original")]
    [InlineData("/benchmark/codes/1/qr")]
    [InlineData("/learning/media/meet-smile-greet-rise/images/smile.jpg")]
    [InlineData("/courses/manage/meet-smile-greet-rise/export.zip")]
    public async Task AnythingButChangingThePassword_SendsThemToChangeIt(string path)
    {
        using var client = await NewcomerAsync("MCP" + Math.Abs(path.GetHashCode(StringComparison.Ordinal) % 100000));

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/password", response.RedirectPath());
    }

    [Fact]
    public async Task TheApi_AnswersForbidden()
    {
        using var client = await NewcomerAsync("MCPAPI");

        var response = await client.GetAsync("/api/clips/1/transcode");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ChangingThePassword_StylesScripts_AndSigningOut_StillWork()
    {
        using var client = await NewcomerAsync("MCPOK");

        foreach (var path in new[] { "/account/password", "/app.css", "/_framework/blazor.web.js", "/favicon.png", "/healthz" })
            Assert.True((await client.GetAsync(path)).StatusCode == HttpStatusCode.OK, path);
        var signOut = await client.PostFormAsync("/account/password", "", [], action: "/account/signout");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/signin", signOut.RedirectPath());
    }
}
