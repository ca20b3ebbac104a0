using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;
using static TrainingLms.IntegrationTests.Drills.DrillForms;

namespace TrainingLms.IntegrationTests.Drills;

/// <summary>The certificate as its holder downloads it, read back with PdfPig, and the public verification page.</summary>
public class CertificateTests(DrillsFactory factory) : IClassFixture<DrillsFactory>
{
    private const string Name = "欧阳明珠";

    /// <summary>A mobile number of the candidate's own, to look for where it must not appear.</summary>
    private static string PhoneOf(string prefix) => "1391234" + string.Concat(prefix.Select(c => (c % 100).ToString("00"))).PadLeft(4, '0')[..4];

    private async Task<(DrillSetUp Drill, string Code)> ClearedAsync(string prefix)
    {
        var drill = await factory.SessionAsync(prefix, candidateName: Name);
        await factory.WithDbAsync(db => db.Users.Where(p => p.Id == drill.CandidateId).ExecuteUpdateAsync(p => p.SetProperty(x => x.PhoneNumber, PhoneOf(prefix))));
        var trainer = await factory.SignedInAsync(drill.TrainerNumber);
        await SignAsync(trainer, drill.AttemptId, FullMarks);
        var code = await factory.WithDbAsync(db => db.Certificates.Where(c => c.PersonId == drill.CandidateId).Select(c => c.Code).SingleAsync());
        return (drill, code);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(page => string.Join(" ", page.GetWords().Select(w => w.Text))));
    }

    /// <summary>The text without the spaces and line breaks wrapping put in.</summary>
    private static string Squashed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task Pdf_InChinese_ReadsBackWithNameNumberCodeDatesTrainerAndDrill()
    {
        var (drill, code) = await ClearedAsync("PA");
        var holder = await factory.SignedInAsync(drill.CandidateNumber);
        var today = SiteTime.Today(factory.Clock.UtcNow, null);

        var response = await holder.GetAsync($"/certificates/{code}.pdf?lang=zh-CN");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var text = PdfText(bytes);
        Assert.Contains(Name, text);
        Assert.Contains("服务礼仪上岗资格证书", text);
        Assert.Contains(drill.CandidateNumber, text);
        // Glyphs the font shares with a radical read as the ideograph, not its look-alike (工号, not ⼯号).
        Assert.Contains("工号", text);
        Assert.DoesNotContain(text, c => c is >= '\u2E80' and <= '\u2FDF');
        Assert.Contains(code, text);
        Assert.Contains(today.ToString("yyyy-MM-dd"), text);
        Assert.Contains(today.AddMonths(12).AddDays(-1).ToString("yyyy-MM-dd"), text);
        Assert.Contains("培训师PA", text);
        Assert.Contains("见面、微笑、问好、起身", Squashed(text));
        Assert.Contains($"{DrillsFactory.PublicBaseUrl}/verify/{code}", Squashed(text));
    }

    [Fact]
    public async Task Pdf_InEnglish_ForTheAdministrator_OthersRefused()
    {
        var (drill, code) = await ClearedAsync("PB");
        var administrator = await factory.AdministratorClientAsync();
        var colleague = await factory.CreateStaffAsync("PB-X", drill.SiteId, null, "同事", Roles.Employee, Roles.Trainer);
        var trainer = await factory.SignedInAsync("PB-X");

        var english = await administrator.GetAsync($"/certificates/{code}.pdf?lang=en-US");
        var refused = await trainer.GetAsync($"/certificates/{code}.pdf");
        var unknown = await administrator.GetAsync("/certificates/0000-0000-0000-0000.pdf");
        var anonymous = await factory.CreateSessionClient().GetAsync($"/certificates/{code}.pdf");

        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        var text = PdfText(await english.Content.ReadAsByteArrayAsync());
        Assert.Contains("Certificate of Posting Clearance", text);
        Assert.Contains(Name, text);
        Assert.Contains(code, text);
        Assert.Contains("meet,smile,greet,rise", Squashed(text));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized || anonymous.RedirectPath()?.StartsWith("/account/signin", StringComparison.Ordinal) == true);
        Assert.NotEqual("", colleague);
    }

    [Fact]
    public async Task Verify_WithoutSignIn_ShowsValid_AndNoOtherPersonalData()
    {
        var (drill, code) = await ClearedAsync("PC");
        var anonymous = factory.CreateSessionClient();

        var response = await anonymous.GetAsync($"/verify/{code}");
        var typedLoosely = await anonymous.GetAsync($"/verify/{code.ToLowerInvariant().Replace("-", "")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"Valid\"", html);
        Assert.Contains(Name, html);
        Assert.Contains("面向客户岗位岗前演练", html);
        Assert.Contains(SiteTime.Today(factory.Clock.UtcNow, null).ToString("yyyy-MM-dd"), html);
        // As a word of its own: a short number like "PCE" can turn up inside a random token of the page.
        Assert.DoesNotMatch($@"(?<![A-Za-z0-9_-]){System.Text.RegularExpressions.Regex.Escape(drill.CandidateNumber)}(?![A-Za-z0-9_-])", html);
        Assert.DoesNotContain(PhoneOf("PC"), html);
        Assert.DoesNotContain("培训师PC", html);
        Assert.DoesNotContain("项目PC", html);
        Assert.DoesNotContain(drill.CandidateId, html);
        Assert.Equal("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("data-status=\"Valid\"", await typedLoosely.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_UnknownOrMalformedCode_SaysSo_AndShowsNoCertificate()
    {
        var anonymous = factory.CreateSessionClient();

        var unknown = await anonymous.GetStringAsync("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        var malformed = await anonymous.GetStringAsync("/verify/%3Cscript%3E");
        var typed = await anonymous.GetAsync("/verify?code=zzzz zzzz zzzz zzzz");

        Assert.Contains("没有此验证码对应的证书", unknown);
        Assert.Contains("data-status=\"Unknown\"", unknown);
        Assert.DoesNotContain("verify-result", unknown);
        Assert.Contains("data-status=\"Unknown\"", malformed);
        Assert.DoesNotContain("<script>", malformed);
        Assert.StartsWith("/verify/zzzz", typed.RedirectPath());
    }

    [Fact]
    public async Task Verify_RevokedCertificate_AfterAnnulment()
    {
        var (drill, code) = await ClearedAsync("PD");
        var path = $"/drills/attempts/{drill.AttemptId}";
        await (await factory.SignedInAsync(drill.TrainerNumber)).PostFieldsAsync(path, "annul", [new("reason", "记录错误"), new("password", LmsFactory.Password)]);
        await (await factory.AdministratorClientAsync()).PostFieldsAsync(path, "countersign", [new("password", LmsFactory.Password)]);

        var html = await factory.CreateSessionClient().GetStringAsync($"/verify/{code}");

        Assert.Contains("data-status=\"Revoked\"", html);
        Assert.Contains("证书已撤销", html);
        Assert.DoesNotContain("记录错误", html);
    }
}

/// <summary>The verification page's rate limit, on a factory of its own with a low limit.</summary>
public class VerifyRateLimitTests : IAsyncLifetime
{
    private readonly DrillsFactory factory = new() { VerifyRequestsPerMinute = 5 };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Verify_ManyRequestsFromOneAddress_AnswerTooManyRequests_OtherPagesUnaffected()
    {
        var client = factory.CreateSessionClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++) statuses.Add((await client.GetAsync("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ")).StatusCode);
        var signIn = await client.GetAsync("/account/signin");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[6]);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }
}
