using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using static TrainingLms.IntegrationTests.Inspections.InspectionForms;

namespace TrainingLms.IntegrationTests.Inspections;

/// <summary>Half-filled, malformed and hostile inspection and rectification forms: a clear message, nothing saved, never a 500.</summary>
public class InspectionInputTests : IAsyncLifetime
{
    private readonly InspectionsFactory factory = new();
    private PostSetUp post = default!;
    private HttpClient leader = default!;

    public async ValueTask InitializeAsync()
    {
        var siteId = await factory.CreateSiteAsync("S1");
        post = await factory.CreatePostAsync(siteId, "客服一班", LineOfWork.CustomerService, "L1", "E1");
        leader = await factory.SignedInAsync("L1");
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task File_HalfFilled_EachUnansweredItemMarked_NothingSaved()
    {
        var form = await OpenAsync(leader, post.TeamId);
        var fields = Verdicts(form).Where(f => f.Item1 is not ("verdict.smile" or "verdict.three-sounds")).ToList();

        var response = await SendAsync(leader, form, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("检查未保存", html);
        Assert.Equal(2, html.Split("请选择合格、不合格或未见").Length - 1);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Inspections.CountAsync()));
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
        var form = await OpenAsync(leader, post.TeamId);
        var fields = Verdicts(form).Where(f => f.Item1 != field).Append((field, value)).ToList();

        var response = await SendAsync(leader, form, fields);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK) Assert.Contains("检查未保存", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Inspections.CountAsync()));
        Assert.Empty(factory.Errors.Entries);
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
        var response = await leader.GetAsync(path);

        Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Rectification_CloseWithoutWords_OrReopenWithoutReason_Refused()
    {
        var form = await OpenAsync(leader, post.TeamId);
        var inspectionId = InspectionId(await SendAsync(leader, form, Verdicts(form, "greet")));
        var id = await factory.WithDbAsync(db => db.Rectifications.Where(r => r.InspectionId == inspectionId).Select(r => r.Id).SingleAsync());

        var empty = await RectificationAsync(leader, id, "close", [("whatWasDone", "   ")]);
        Assert.Contains("请填写整改措施", await empty.Content.ReadAsStringAsync());
        var tooLong = await RectificationAsync(leader, id, "close", [("whatWasDone", new string('字', 1001))]);
        Assert.Contains("内容太长", await tooLong.Content.ReadAsStringAsync());
        var fake = await RectificationAsync(leader, id, "close", [("whatWasDone", "已整改")], new Photo("", "photo.jpg", "not a picture"u8.ToArray()));
        Assert.Contains("有文件不是照片", await fake.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await RectificationAsync(leader, id, "close", [("whatWasDone", "已整改")])).StatusCode);
        // The leader inspected it too, so may judge it: a reopening needs a reason.
        var noReason = await RectificationAsync(leader, id, "reopen", [("reason", "")]);
        Assert.Contains("请填写退回原因", await noReason.Content.ReadAsStringAsync());
        Assert.Empty(factory.Errors.Entries);
    }
}
