using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Clips;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.People;
using TrainingLms.Web.Features.Clips;

namespace TrainingLms.IntegrationTests.Hosting;

/// <summary>
/// Request bodies on a real Kestrel port: small for anyone not signed in, 1 MB for a signed-in form, the import page's
/// file and the clip upload's chunks their own sizes.
/// </summary>
public class RequestLimitsTests(LimitedFactory factory) : IClassFixture<LimitedFactory>
{
    private const int Kilobyte = 1024;
    private const int Megabyte = 1024 * 1024;

    private static Dictionary<string, string> Padded(Dictionary<string, string> fields, int bytes) =>
        new(fields) { ["padding"] = new string('x', bytes) };

    [Fact]
    public async Task AnonymousForms_OverTheSmallFormLimit_AreRefusedWith413()
    {
        var (_, code) = await factory.FeedbackCodeAsync("BIG");
        using var anonymous = factory.Client();

        var signIn = await anonymous.PostFormAsync("/account/signin", "signin",
            Padded(new() { ["Input.Identifier"] = LmsFactory.AdministratorNumber, ["Input.Password"] = LmsFactory.Password }, 100 * Kilobyte));
        var feedback = await anonymous.PostFormAsync($"/feedback/{code}", "feedback", Padded(new() { ["smile"] = "5", ["greeting"] = "5" }, 100 * Kilobyte));
        var ordinary = await anonymous.PostFormAsync($"/feedback/{code}", "feedback", Padded(new() { ["smile"] = "5", ["greeting"] = "5" }, 10 * Kilobyte));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, feedback.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ordinary.StatusCode);
    }

    [Fact]
    public async Task SignedInForms_OverOneMegabyte_AreRefusedWith413_AndAnOrdinaryPostGoesThrough()
    {
        using var admin = factory.Client();
        await admin.SignInAsync(LmsFactory.AdministratorNumber);
        var site = new Dictionary<string, string> { ["Input.Code"] = "LIM", ["Input.Name"] = "限额项目", ["Input.TimeZoneId"] = "Asia/Shanghai" };

        // A browser sending a large form may get the 413 before it has sent every byte, and the server closes the
        // connection: a client that is still writing then sees a broken pipe instead of the answer. Asking first
        // (Expect: 100-continue) lets the server answer before any of the body is sent, as it does here.
        admin.DefaultRequestHeaders.ExpectContinue = true;
        var tooLarge = await admin.PostFormAsync("/admin/sites/new", "site", Padded(site, 2 * Megabyte));
        admin.DefaultRequestHeaders.ExpectContinue = false;
        var ordinary = await admin.PostFormAsync("/admin/sites/new", "site", Padded(site, 200 * Kilobyte));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, ordinary.StatusCode);
        Assert.True((int)ordinary.StatusCode < 500, $"{ordinary.StatusCode}");
    }

    [Fact]
    public async Task PeopleImport_TakesAFileOfSeveralMegabytes_AndSaysSoWhenOneIsLargerThanItsBound()
    {
        using var admin = factory.Client();
        await admin.SignInAsync(LmsFactory.AdministratorNumber);
        var rows = PeopleCsvFile.Utf8WithBom(PeopleCsvFile.Rows(3, "LIM"));

        var (accepted, acceptedPage) = await ImportAsync(admin, [.. rows, .. Encoding.ASCII.GetBytes(new string('\n', 3 * Megabyte))]);
        var (tooLarge, tooLargePage) = await ImportAsync(admin, [.. rows, .. Encoding.ASCII.GetBytes(new string('\n', 10 * Megabyte))]);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("所有行均有效", acceptedPage);
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Contains("文件超过 10 MB。", tooLargePage);
    }

    [Fact]
    public async Task ClipChunks_LargerThanAnyForm_AreStillTaken()
    {
        await factory.CreatePersonAsync("LIMTR", [Roles.Trainer]);
        using var trainer = factory.Client();
        await trainer.SignInAsync("LIMTR");
        var token = await ClipApi.TokenAsync(trainer);
        var chunk = new byte[3 * Megabyte];
        Random.Shared.NextBytes(chunk);
        var state = await ClipApi.StartAsync(trainer, token, ClipApi.Details(ClipApi.NewSlug(), fileName: "大堂.mov", totalBytes: chunk.Length * 2L));

        var sent = await ClipApi.SendAsync(trainer, HttpMethod.Put, $"/api/clips/uploads/{state.Id}?offset=0", token, ClipApi.Bytes(chunk));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(chunk.Length, (await sent.Content.ReadFromJsonAsync<UploadStateResponse>())!.ReceivedBytes);
    }

    private static async Task<(HttpResponseMessage Response, string Page)> ImportAsync(HttpClient client, byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var fields = new Dictionary<string, string> { ["Input.InitialPassword"] = "welcome2026", ["Input.Mode"] = "check", ["Input.CreateMissing"] = "true" };
        var response = await client.PostFormAsync("/admin/people/import", "import", fields, content);
        return (response, await response.Content.ReadAsStringAsync());
    }
}
