using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Domain.TrainingRecords;
using TrainingLms.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;

namespace TrainingLms.IntegrationTests.Inspections;

/// <summary>
/// The monthly site pack of October 2026 on known data, read back from the PDF (PdfPig) and the workbook. Site 1 has two
/// posts: three inspections (5 of 6 items OK), one overdue rectification, 24 of 31 daily reviews filed by one post (4 of
/// them late) and all 31 by the other, two training records (5 attendances, 25 minutes), three course assignments (one
/// completed in October, one overdue) and the first place of two sites in the published ranking. Site 2's data, and
/// November's, must not show. The clock stands at 20 November 2026.
/// </summary>
public class SitePackTests(SitePackTests.Fixture fixture) : IClassFixture<SitePackTests.Fixture>
{
    private const string Zone = SiteTime.DefaultTimeZoneId;

    /// <summary>One app for the class, its data set up once; the tests only read.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public InspectionsFactory Factory { get; } = new();
        public int SiteA { get; private set; }
        public int SiteB { get; private set; }

        public async ValueTask InitializeAsync()
        {
            Factory.Clock.SetLocal(new DateTime(2026, 11, 20, 10, 0, 0), Zone);
            SiteA = await Factory.CreateSiteAsync("SP1");
            SiteB = await Factory.CreateSiteAsync("SP2");
            var security = await Factory.CreatePostAsync(SiteA, "一号岗", LineOfWork.Security, "SPL1", "SPE1", "SPE2");
            var cleaning = await Factory.CreatePostAsync(SiteA, "二号岗", LineOfWork.Cleaning, "SPL2");
            var other = await Factory.CreatePostAsync(SiteB, "三号岗", LineOfWork.Security, "SPL3", "SPE3");
            var manager = await Factory.CreateManagerAsync("SPMA", SiteA);
            await Factory.CreateManagerAsync("SPMB", SiteB);
            await Factory.CreatePersonAsync("SPT", [Roles.Trainer]);
            await Factory.CreatePersonAsync("SPAD", [Roles.Admin]);

            await Factory.WithDbAsync(async db =>
            {
                var form = await db.InspectionFormRevisions.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
                Inspection Held(PostSetUp post, bool announced, int day, ItemVerdict meet, ItemVerdict smile) => new()
                {
                    SubmissionKey = Guid.NewGuid(), FormRevisionId = form, SiteId = post.SiteId, TeamId = post.TeamId, InspectorId = manager, Announced = announced,
                    InspectedAtUtc = SiteTime.ToUtc(new DateTime(2026, 10, day, 9, 0, 0), Zone), Results = [new("meet", meet, ""), new("smile", smile, "")],
                };
                var first = Held(security, true, 5, ItemVerdict.Ok, ItemVerdict.NotOk);      // W41
                db.Inspections.AddRange(first, Held(security, false, 12, ItemVerdict.Ok, ItemVerdict.Ok), Held(cleaning, false, 20, ItemVerdict.Ok, ItemVerdict.Ok),
                    Held(other, true, 6, ItemVerdict.NotOk, ItemVerdict.NotOk));
                await db.SaveChangesAsync();
                db.Rectifications.Add(new Rectification
                {
                    InspectionId = first.Id, ItemKey = "smile", SiteId = SiteA, TeamId = security.TeamId, Status = FollowUpStatus.Open,
                    OpenedAtUtc = first.InspectedAtUtc, DueAtUtc = SiteTime.ToUtc(new DateTime(2026, 10, 8, 9, 0, 0), Zone),
                });

                ShiftReview Review(PostSetUp post, int day, bool late) => new()
                {
                    TeamId = post.TeamId, ShiftDate = new DateOnly(2026, 10, day), ShiftKey = ShiftCalendar.DailyKey, SubmissionKey = Guid.NewGuid(),
                    FiledById = post.LeaderId, FiledAtUtc = SiteTime.ToUtc(new DateTime(2026, 10, day, 20, 0, 0), Zone), FiledLate = late, RosterSize = 3,
                };
                db.ShiftReviews.AddRange(Enumerable.Range(1, 24).Select(day => Review(security, day, late: day > 20)));
                db.ShiftReviews.AddRange(Enumerable.Range(1, 31).Select(day => Review(cleaning, day, late: false)));
                db.ShiftReviews.AddRange(Enumerable.Range(1, 5).Select(day => Review(other, day, late: false)));

                TrainingRecord Training(PostSetUp post, DateOnly on, int minutes, TrainingRecordStatus status, IEnumerable<string> attendees) => new()
                {
                    TeamId = post.TeamId, TrainedOn = on, ShiftKey = ShiftCalendar.DailyKey, Topic = "礼仪", Minutes = minutes, Status = status,
                    SubmissionKey = Guid.NewGuid(), RecordedById = post.LeaderId, RecordedAtUtc = SiteTime.ToUtc(on.ToDateTime(new TimeOnly(8, 0)), Zone),
                    Attendees = [.. attendees.Select(id => new TrainingAttendee { PersonId = id, TrainedOn = on })],
                };
                db.TrainingRecords.AddRange(
                    Training(security, new(2026, 10, 9), 15, TrainingRecordStatus.Countersigned, [security.LeaderId, .. security.MemberIds]),
                    Training(security, new(2026, 10, 23), 10, TrainingRecordStatus.Submitted, security.MemberIds),
                    Training(security, new(2026, 11, 2), 30, TrainingRecordStatus.Submitted, security.MemberIds),
                    Training(other, new(2026, 10, 9), 20, TrainingRecordStatus.Submitted, other.MemberIds));

                // Only the assignments set here: creating people assigned them the courses their audience rules give.
                await db.CourseAssignments.ExecuteDeleteAsync();
                await db.CourseCompletions.ExecuteDeleteAsync();
                var course = await db.Courses.Where(c => c.IsActive && c.CurrentRevisionId != null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
                CourseAssignment Assigned(string personId, DateOnly due) => new()
                {
                    CourseId = course, PersonId = personId, Source = AssignmentSource.Person, AssignedAtUtc = new DateTime(2026, 9, 1), DueOn = due,
                };
                db.CourseAssignments.AddRange(Assigned(security.MemberIds[0], new(2026, 10, 30)), Assigned(security.MemberIds[1], new(2026, 10, 15)),
                    Assigned(cleaning.LeaderId, new(2026, 12, 1)), Assigned(other.MemberIds[0], new(2026, 10, 1)));
                db.CourseCompletions.Add(new CourseCompletion { PersonId = security.MemberIds[0], CourseId = course, CourseVersion = 1, CompletedAtUtc = new DateTime(2026, 10, 10) });

                var period = await db.EvaluationPeriods.FirstOrDefaultAsync(p => p.Year == 2026 && p.Month == 10);
                if (period is null)
                {
                    period = new EvaluationPeriod { Year = 2026, Month = 10, Deadline = new(2026, 10, 31), OpenedAtUtc = new DateTime(2026, 10, 1) };
                    db.EvaluationPeriods.Add(period);
                }
                period.ClosedAtUtc = new DateTime(2026, 11, 5);
                await db.SaveChangesAsync();
                db.RankingPublications.Add(new RankingPublication
                {
                    PeriodId = period.Id, Subject = EvaluationSubject.Team, Revision = 1, PublishedAtUtc = new DateTime(2026, 11, 6), PublishedById = manager, PublishedByName = "管理员",
                    Entries =
                    [
                        new(1, "一号岗", "项目SP1", 1, 92.5, 90, 2, []),
                        new(2, "三号岗", "项目SP2", 2, 80, 80, 2, []),
                        new(3, "二号岗", "项目SP1", 3, 70, 71, 2, []),
                    ],
                });
                return await db.SaveChangesAsync();
            });
        }

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }

    private InspectionsFactory Factory => fixture.Factory;

    private string Pack(string format, string lang = "zh-CN", int? site = null) =>
        $"/inspections/oversight/site-pack?site={site ?? fixture.SiteA}&month=2026-10&format={format}&lang={lang}";

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(page => string.Join(" ", page.GetWords().Select(w => w.Text))));
    }

    /// <summary>The text without spaces, so a row's label and its numbers read as one run: "检查次数3".</summary>
    private static string Squashed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private async Task<string> PdfOfAsync(HttpClient client, string lang)
    {
        var response = await client.GetAsync(Pack("pdf", lang));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return PdfText(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Pdf_InChinese_SiteMonthAndFigures()
    {
        var text = await PdfOfAsync(await Factory.SignedInAsync("SPMA"), "zh-CN");
        var squashed = Squashed(text);

        Assert.Contains("项目月度报告", text);
        Assert.Contains("项目SP1", text);
        Assert.Contains("2026年10月", squashed);
        Assert.DoesNotContain("项目SP2·", squashed);
        // Inspections: three held, one announced; 5 of 6 items OK.
        Assert.Contains("检查次数3", squashed);
        Assert.Contains("预先通知1", squashed);
        Assert.Contains("合格率5683.3%", squashed);
        Assert.Contains("2026-W41（检查1次）1250.0%", squashed);
        Assert.Contains("已逾期1", squashed);
        // Reviews: 24 + 31 filed of 62 due; 4 late, 7 missing; per post.
        Assert.Contains("已提交（应交）556288.7%", squashed);
        Assert.Contains("迟交4", squashed);
        Assert.Contains("缺失7", squashed);
        Assert.Contains("一号岗243177.4%", squashed);
        Assert.Contains("二号岗3131100.0%", squashed);
        // Training records: two in October, 5 attendances, 25 minutes.
        Assert.Contains("培训记录数2", squashed);
        Assert.Contains("参训人次5", squashed);
        Assert.Contains("培训分钟数25", squashed);
        // Courses: 1 of 3 completed, 1 overdue.
        Assert.Contains("已完成的指派课程1333.3%", squashed);
        Assert.Contains("已逾期的指派课程1333.3%", squashed);
        Assert.Contains("已确认1250.0%", squashed);
        // Ranking: first of two sites, (92.5 + 70) / 2.
        Assert.Contains("项目排名（参与排名项目数）1281.3%", squashed);
        Assert.Contains("班组：一号岗192.5%", squashed);
        Assert.Contains("各周检查合格率", text);
        Assert.DoesNotContain(text, c => c is >= '\u2E80' and <= '\u2FDF');
    }

    [Fact]
    public async Task Pdf_InEnglish_SiteMonthAndFigures()
    {
        var text = await PdfOfAsync(await Factory.SignedInAsync("SPT"), "en");
        var squashed = Squashed(text);

        Assert.Contains("Monthly site pack", text);
        Assert.Contains("项目SP1", text);
        Assert.Contains("October 2026", text);
        Assert.Contains("Inspectionsheld3", squashed);
        Assert.Contains("Passrate5683.3%", squashed);
        Assert.Contains("Filed(ofthosedue)556288.7%", squashed);
        Assert.Contains("Trainingsrecorded2", squashed);
        Assert.Contains("Minutestrained25", squashed);
        Assert.Contains("Assignedcoursescompleted1333.3%", squashed);
        Assert.Contains("Shift reviews filed, per team", text);
    }

    [Fact]
    public async Task Xlsx_SameFiguresAsThePdf()
    {
        var response = await (await Factory.SignedInAsync("SPAD")).GetAsync(Pack("xlsx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var rows = ExportFiles.XlsxRows(await response.Content.ReadAsByteArrayAsync(), 5);
        Assert.Equal(["类别", "项目", "数值", "总数", "百分比"], rows[0]);
        Assert.Equal(["项目月度报告", "项目", "项目SP1", "", ""], rows[1]);
        Assert.Equal(["项目月度报告", "月份", "2026-10", "", ""], rows[2]);
        Assert.Contains(["现场检查", "检查次数", "3", "", ""], rows);
        Assert.Contains(["现场检查", "合格率", "5", "6", "83.3"], rows);
        Assert.Contains(["整改", "已逾期", "1", "", ""], rows);
        Assert.Contains(["班后讲评提交", "已提交（应交）", "55", "62", "88.7"], rows);
        Assert.Contains(["班后讲评提交", "一号岗", "24", "31", "77.4"], rows);
        Assert.Contains(["班前培训记录", "培训记录数", "2", "", ""], rows);
        Assert.Contains(["班前培训记录", "参训人次", "5", "", ""], rows);
        Assert.Contains(["课程完成情况", "已完成的指派课程", "1", "3", "33.3"], rows);
        Assert.Contains(["考评排名", "项目排名（参与排名项目数）", "1", "2", "81.3"], rows);
        Assert.DoesNotContain(rows, row => row.Contains("三号岗"));
    }

    [Fact]
    public async Task Roles_ManagerOwnSiteOnly_LeaderAndEmployeeRefused_AnonymousSentToSignIn()
    {
        Assert.Equal(HttpStatusCode.OK, (await (await Factory.SignedInAsync("SPMB")).GetAsync(Pack("pdf", site: fixture.SiteB))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Factory.SignedInAsync("SPMB")).GetAsync(Pack("pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Factory.SignedInAsync("SPMB")).GetAsync(Pack("xlsx"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Factory.SignedInAsync("SPL1")).GetAsync(Pack("pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Factory.SignedInAsync("SPE1")).GetAsync(Pack("xlsx"))).StatusCode);

        var anonymous = await Factory.CreateSessionClient().GetAsync(Pack("pdf"));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/signin", anonymous.RedirectPath());
    }

    [Fact]
    public async Task OversightPage_OffersThePack_ForTheChosenSite_NotToALeader()
    {
        var manager = await (await Factory.SignedInAsync("SPMA")).GetStringAsync("/inspections/oversight?from=2026-10-01&to=2026-10-31");
        var admin = await (await Factory.SignedInAsync("SPAD")).GetStringAsync($"/inspections/oversight?from=2026-10-01&to=2026-10-31&site={fixture.SiteB}");
        var leader = await (await Factory.SignedInAsync("SPL1")).GetStringAsync("/inspections/oversight?from=2026-10-01&to=2026-10-31");

        Assert.Contains($"/inspections/oversight/site-pack?site={fixture.SiteA}&amp;month=2026-10&amp;format=pdf&amp;lang=zh-CN", manager);
        Assert.Contains($"/inspections/oversight/site-pack?site={fixture.SiteB}&amp;month=2026-10&amp;format=xlsx", admin);
        Assert.DoesNotContain("site-pack", leader);
    }

    [Theory]
    [InlineData("site=abc&month=2026-10", HttpStatusCode.BadRequest)]
    [InlineData("site=99999999999&month=2026-10", HttpStatusCode.BadRequest)]
    [InlineData("month=2026-10", HttpStatusCode.BadRequest)]
    [InlineData("site=2147483647&month=2026-10", HttpStatusCode.NotFound)]
    [InlineData("site=-1&month=2026-10&format=xlsx", HttpStatusCode.NotFound)]
    [InlineData("site={A}&month=2026-13", HttpStatusCode.BadRequest)]
    [InlineData("site={A}&month=2026-1", HttpStatusCode.BadRequest)]
    [InlineData("site={A}&month=9999-12", HttpStatusCode.BadRequest)]
    [InlineData("site={A}&month=0001-01", HttpStatusCode.BadRequest)]
    [InlineData("site={A}&month=2026-12", HttpStatusCode.BadRequest)]
    [InlineData("site={A}", HttpStatusCode.BadRequest)]
    [InlineData("site={A}&month=2026-10&format=docx", HttpStatusCode.BadRequest)]
    [InlineData("site={A}&month=%27%3Bdrop&format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("site={A}&month=2026-11&lang=xx", HttpStatusCode.OK)]
    public async Task HostileQuery_ClearAnswer_Never500(string query, HttpStatusCode expected)
    {
        var admin = await Factory.SignedInAsync("SPAD");

        var response = await admin.GetAsync($"/inspections/oversight/site-pack?{query.Replace("{A}", fixture.SiteA.ToString(System.Globalization.CultureInfo.InvariantCulture))}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(Factory.Errors.Entries);
    }
}
