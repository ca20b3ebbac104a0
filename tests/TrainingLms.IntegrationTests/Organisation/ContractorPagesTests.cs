using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Organisation;

/// <summary>Contractor companies (外包单位), kept by administrators on their own pages.</summary>
public class ContractorPagesTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    [Fact]
    public async Task Contractor_CreatedRenamedAndDeactivated_ADuplicateNameIsRefused()
    {
        var client = await factory.AdministratorClientAsync();

        var created = await client.PostFormAsync("/admin/contractors/new", "contractor", new() { ["Input.Name"] = "洁美保洁服务公司" });
        var duplicate = await client.PostFormAsync("/admin/contractors/new", "contractor", new() { ["Input.Name"] = " 洁美保洁服务公司 " });
        var id = await factory.WithDbAsync(db => db.ContractorCompanies.Where(c => c.Name == "洁美保洁服务公司").Select(c => c.Id).SingleAsync());
        var renamed = await client.PostFormAsync($"/admin/contractors/{id}", "contractor", new() { ["Input.Name"] = "洁美物业保洁" });
        await client.PostFormAsync($"/admin/contractors/{id}", "contractor-status", new() { ["Active"] = "false" });

        Assert.Equal("/admin/contractors", created.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("已被使用", await duplicate.Content.ReadAsStringAsync());
        Assert.Equal("/admin/contractors", renamed.RedirectPath());
        var contractor = await factory.WithDbAsync(db => db.ContractorCompanies.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("洁美物业保洁", false), (contractor.Name, contractor.IsActive));
        var list = await client.GetStringAsync("/admin/contractors");
        Assert.Contains("洁美物业保洁", list);
    }

    [Fact]
    public async Task Contractor_BlankName_IsRefusedWithAMessage()
    {
        var client = await factory.AdministratorClientAsync();

        var response = await client.PostFormAsync("/admin/contractors/new", "contractor", new() { ["Input.Name"] = "   " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("必填", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.ClassLeader)]
    [InlineData(Roles.Employee)]
    public async Task ContractorPages_NonAdministrator_AreForbidden_AndCreateNothing(string role)
    {
        var number = "CT" + role[..3].ToUpperInvariant();
        await factory.CreatePersonAsync(number, [Roles.Employee, role]);
        var client = await factory.SignedInAsync(number);

        var list = await client.GetAsync("/admin/contractors");
        var edit = await client.GetAsync("/admin/contractors/new");
        var post = await client.PostAsync("/admin/contractors/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "contractor", ["Input.Name"] = "越权外包" + role,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.False(post.IsSuccessStatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ContractorCompanies.AnyAsync(c => c.Name == "越权外包" + role)));
    }

    [Fact]
    public async Task ContractorPages_Anonymous_AreSentToSignIn()
    {
        var response = await factory.CreateSessionClient().GetAsync("/admin/contractors");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.RedirectPath());
    }
}
