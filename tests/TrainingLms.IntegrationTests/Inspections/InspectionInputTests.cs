using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using static TrainingLms.IntegrationTests.Inspections.InspectionForms;

namespace TrainingLms.IntegrationTests.Inspections;

/// <summary>
/// One site, set up once for the class: a post whose forms are only ever refused (so no inspection of it may exist),
/// and a second post for the one test that files an inspection to reach its rectification.
/// </summary>
public sealed class InspectionInputCompany : IAsyncLifetime
{
    public InspectionsFactory Factory { get; } = new();
    public PostSetUp Refused { get; private set; } = default!;
    public PostSetUp Filed { get; private set; } = default!;
    public HttpClient RefusedLeader { get; private set; } = default!;
    public HttpClient FiledLeader { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var siteId = await Factory.CreateSiteAsync("S1");
        Refused = await Factory.CreatePostAsync(siteId, "客服一班", LineOfWork.CustomerService, "L1", "E1");
        Filed = await Factory.CreatePostAsync(siteId, "客服二班", LineOfWork.CustomerService, "L2", "E2");
        RefusedLeader = await Factory.SignedInAsync("L1");
        FiledLeader = await Factory.SignedInAsync("L2");
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Half-filled, malformed and hostile inspection and rectification forms: a clear message, nothing saved, never a 500.</summary>
public class InspectionInputTests(InspectionInputCompany company) : IClassFixture<InspectionInputCompany>
{
    private InspectionsFactory Factory => company.Factory;
    private PostSetUp Post => company.Refused;
    private HttpClient Leader => company.RefusedLeader;

    /// <summary>Inspections other than the filing test's: none may ever exist.</summary>
    private Task<int> InspectionsSavedAsync() => Factory.WithDbAsync(db => db.Inspections.CountAsync(i => i.TeamId != company.Filed.TeamId));

    [Fact]
    public async Task File_HalfFilled_EachUnansweredItemMarked_NothingSaved()
    {
        var form = await OpenAsync(Leader, Post.TeamId);
        var fields = Verdicts(form).Where(f => f.Item1 is not ("verdict.smile" or "verdict.three-sounds")).ToList();

        var response = await SendAsync(Leader, form, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("检查未保存", html);
        Assert.Equal(2, html.Split("请选择合格、不合格或未见").Length - 1);
        Assert.Equal(0, await InspectionsSavedAsync());
    }

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "verdict out of range", "verdict.greet", "99" },
        { "verdict as a number", "verdict.greet", "1" },
        { "verdict garbage", "verdict.greet", "<script>alert(1)</script>" },
        { "form revision unknown", "formRevisionId", "999999" },
        { "form revision not a number", "formRevisionId", "abc" },
        { "submission key garbage", "submissionKey", "'; DROP TABLE Inspections; --" },
        { "person of nobody", "personId", "no-such-person" },
        { "note far too long", "note.greet", new string('长', 5000) },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task File_HostileValue_RefusedWithAMessage_NeverA500(string what, string field, string value)
    {
        var form = await OpenAsync(Leader, Post.TeamId);
        var fields = Verdicts(form).Where(f => f.Item1 != field).Append((field, value)).ToList();

        var response = await SendAsync(Leader, form, fields);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK) Assert.Contains("检查未保存", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await InspectionsSavedAsync());
        Assert.Empty(Factory.Errors.Entries);
    }

    [Theory]
    [InlineData("/inspections/new?team=-1")]
    [InlineData("/inspections/new?team=abc")]
    [InlineData("/inspections/new?site=99999&q=%25%5F")]
    [InlineData("/inspections/new?team=1&person=%00")]
    [InlineData("/inspections/999999")]
    [InlineData("/rectifications?status=99")]
    [InlineData("/rectifications?status=%3Cb%3E")]
    [InlineData("/rectifications/999999")]
    [InlineData("/inspections/photos/999999")]
    public async Task Pages_HostileAddresses_AnswerWithoutA500(string path)
    {
        var response = await Leader.GetAsync(path);

        Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Rectification_CloseWithoutWords_OrReopenWithoutReason_Refused()
    {
        var form = await OpenAsync(company.FiledLeader, company.Filed.TeamId);
        var inspectionId = InspectionId(await SendAsync(company.FiledLeader, form, Verdicts(form, "greet")));
        var id = await Factory.WithDbAsync(db => db.Rectifications.Where(r => r.InspectionId == inspectionId).Select(r => r.Id).SingleAsync());

        var empty = await RectificationAsync(company.FiledLeader, id, "close", [("whatWasDone", "   ")]);
        Assert.Contains("请填写整改措施", await empty.Content.ReadAsStringAsync());
        var tooLong = await RectificationAsync(company.FiledLeader, id, "close", [("whatWasDone", new string('字', 1001))]);
        Assert.Contains("内容太长", await tooLong.Content.ReadAsStringAsync());
        var fake = await RectificationAsync(company.FiledLeader, id, "close", [("whatWasDone", "已整改")], new Photo("", "photo.jpg", "not a picture"u8.ToArray()));
        Assert.Contains("有文件不是照片", await fake.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await RectificationAsync(company.FiledLeader, id, "close", [("whatWasDone", "已整改")])).StatusCode);
        // The leader inspected it too, so may judge it: a reopening needs a reason.
        var noReason = await RectificationAsync(company.FiledLeader, id, "reopen", [("reason", "")]);
        Assert.Contains("请填写退回原因", await noReason.Content.ReadAsStringAsync());
        Assert.Empty(Factory.Errors.Entries);
    }
}
