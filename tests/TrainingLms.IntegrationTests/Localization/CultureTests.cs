using System.Net;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Localization;

public class CultureTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    [Fact]
    public async Task SignInPage_ByDefault_IsChineseWhateverTheBrowserAsks()
    {
        var client = factory.CreateSessionClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var page = await client.GetStringAsync("/account/signin");

        Assert.Contains("<html lang=\"zh-CN\"", page);
        Assert.Contains("登录", page);
    }

    [Fact]
    public async Task ChoosingEnglish_IsRememberedOnThePersonForTheirNextDevice()
    {
        await factory.CreatePersonAsync("L100", [Roles.Employee]);
        var phone = factory.CreateSessionClient();
        await phone.SignInAsync("L100");

        var switched = await phone.PostFormAsync("/", "", new() { ["culture"] = "en-US", ["returnUrl"] = "/" }, action: "/culture");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("Sign out", await phone.GetStringAsync("/"));
        Assert.Equal("en-US", (await factory.FindPersonAsync("L100"))!.PreferredCulture);

        var tablet = factory.CreateSessionClient();
        await tablet.SignInAsync("L100");
        var home = await tablet.GetStringAsync("/");
        Assert.Contains("<html lang=\"en-US\"", home);
        Assert.Contains("Sign out", home);
    }

    [Fact]
    public async Task ChoosingAnUnsupportedCulture_KeepsChinese()
    {
        var client = factory.CreateSessionClient();

        await client.PostFormAsync("/account/signin", "", new() { ["culture"] = "fr-FR", ["returnUrl"] = "https://evil.example/" }, action: "/culture");

        Assert.Contains("<html lang=\"zh-CN\"", await client.GetStringAsync("/account/signin"));
    }

    [Fact]
    public async Task ChoosingALanguage_WithoutTheFormToken_IsRefusedPlainly()
    {
        var client = factory.CreateSessionClient();

        var response = await client.PostAsync("/culture", new FormUrlEncodedContent([new("culture", "en-US"), new("returnUrl", "/")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\"", await client.GetStringAsync("/account/signin"));
    }
}
