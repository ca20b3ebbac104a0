using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Evaluations.Benchmarking;

public class FeedbackCodeTests(BenchmarkFactory factory) : IClassFixture<BenchmarkFactory>
{
    private async Task<(int SiteId, int PositionId, string TrainerNumber)> SiteWithTrainerAsync(string prefix)
    {
        var siteId = await factory.CreateSiteAsync(prefix);
        var positionId = await factory.WithDbAsync(async db =>
        {
            var position = new Position { Name = "岗位" + prefix, LineOfWork = LineOfWork.CustomerService, FacesCustomers = true };
            db.Positions.Add(position);
            await db.SaveChangesAsync();
            return position.Id;
        });
        await factory.CreatePersonAsync(prefix + "T", [Roles.Trainer, Roles.Employee]);
        return (siteId, positionId, prefix + "T");
    }

    [Fact]
    public async Task CreateCode_Trainer_RandomBase32CodeWhosePublicFormAnswers()
    {
        var (siteId, positionId, trainer) = await SiteWithTrainerAsync("KA");
        using var client = await factory.SignedInAsync(trainer);

        var response = await client.PostFormAsync($"/benchmark/codes?site={siteId}", "create-code",
            new() { ["site"] = $"{siteId}", ["kind"] = "post", ["position"] = $"{positionId}", ["label"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var code = await factory.WithDbAsync(db => db.FeedbackCodes.AsNoTracking().SingleAsync(c => c.SiteId == siteId));
        Assert.Equal(FeedbackCodeFormat.Length, code.Code.Length);
        Assert.Equal(code.Code, FeedbackCodeFormat.Normalise(code.Code));
        Assert.Equal("岗位KA", code.Label);
        using var customer = factory.CreateSessionClient();
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync($"/feedback/{code.Code}")).StatusCode);

        var qr = await client.GetAsync($"/benchmark/codes/{code.Id}/qr");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());
        Assert.Contains($"/feedback/{code.Code}", await client.GetStringAsync($"/benchmark/codes/{code.Id}/card"));
    }

    [Fact]
    public async Task CreateCode_ForPersonWithoutLabel_RefusedNothingStored()
    {
        var (siteId, _, trainer) = await SiteWithTrainerAsync("KB");
        var personId = await factory.CreatePersonAsync("KBE", [Roles.Employee]);
        await factory.WithDbAsync(db => db.Users.Where(p => p.Id == personId).ExecuteUpdateAsync(p => p.SetProperty(x => x.SiteId, siteId)));
        using var client = await factory.SignedInAsync(trainer);

        var response = await client.PostFormAsync($"/benchmark/codes?site={siteId}", "create-code",
            new() { ["site"] = $"{siteId}", ["kind"] = "person", ["person"] = personId, ["label"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-error=\"label\"", await response.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.FeedbackCodes.AnyAsync(c => c.SiteId == siteId)));
    }

    [Fact]
    public async Task Deactivate_Code_PublicFormThen404()
    {
        var (_, codeId, code) = await factory.CodeAsync("KC");
        var (_, _, trainer) = await SiteWithTrainerAsync("KD");
        using var client = await factory.SignedInAsync(trainer);

        var response = await client.PostFormAsync("/benchmark/codes", "toggle-code", new() { ["toggle"] = $"{codeId}:off" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var customer = factory.CreateSessionClient();
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/feedback/{code}")).StatusCode);
    }

    [Fact]
    public async Task CodesAndQr_Employee_Refused()
    {
        var (_, codeId, _) = await factory.CodeAsync("KE");
        await factory.CreatePersonAsync("KEE", [Roles.Employee]);
        using var client = await factory.SignedInAsync("KEE");

        foreach (var path in new[] { "/benchmark/codes", $"/benchmark/codes/{codeId}/qr", $"/benchmark/codes/{codeId}/card" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.RedirectPath()?.Contains("denied", StringComparison.OrdinalIgnoreCase) == true,
                $"{path}: {response.StatusCode} {response.RedirectPath()}");
        }
        // The board is for everyone signed in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/benchmark")).StatusCode);
    }
}
