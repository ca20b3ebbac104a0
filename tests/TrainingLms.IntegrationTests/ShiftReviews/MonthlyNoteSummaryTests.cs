using TrainingLms.Web.Infrastructure;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.ShiftReviews;

namespace TrainingLms.IntegrationTests.ShiftReviews;

/// <summary>Per person and month, praise and corrections by etiquette point: what the monthly evaluation will read.</summary>
public class MonthlyNoteSummaryTests : IAsyncLifetime
{
    private readonly ShiftReviewsFactory factory = new();
    private TeamSetUp team = default!;
    private DateOnly firstOfMonth;

    public async ValueTask InitializeAsync()
    {
        team = await factory.CreateTeamAsync(await factory.CreateSiteAsync("M"), "月度班", "L400", null, "E401", "E402");
        var today = SiteTime.Today(factory.Clock.UtcNow, null);
        firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        // Three reviews in this month (the clock stands on the 28th) and one in the month before.
        factory.Clock.SetLocal(firstOfMonth.AddDays(27).ToDateTime(new TimeOnly(20, 0)), SiteTime.DefaultTimeZoneId);
        await FileAsync(firstOfMonth.AddDays(25), NoteKind.Praise, EtiquettePoint.Smile | EtiquettePoint.Greet);
        await FileAsync(firstOfMonth.AddDays(26), NoteKind.Praise, EtiquettePoint.Smile);
        await FileAsync(firstOfMonth.AddDays(27), NoteKind.Correction, EtiquettePoint.Rise);
        await FileAsync(firstOfMonth.AddDays(-1), NoteKind.Correction, EtiquettePoint.Language);
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Task<Outcome<FilingStatus>> FileAsync(DateOnly date, NoteKind kind, EtiquettePoint points) =>
        factory.WithScopeAsync(services => services.GetRequiredService<ReviewFiling>().FileAsync(team.LeaderId, team.TeamId, new ReviewInput
        {
            ShiftDate = date, ShiftKey = ShiftCalendar.DailyKey, WentWellPoints = EtiquettePoint.Smile,
            Notes = [new NoteInput { PersonId = team.MemberIds[0], Kind = kind, Points = points, Text = $"{kind} {date}" }],
        }));

    [Fact]
    public async Task Summary_CountsThisMonthsPraiseAndCorrectionsByPoint()
    {
        var (status, summary) = await factory.WithScopeAsync(services => services.GetRequiredService<MonthlyNoteSummary>()
            .ForPersonAsync(new ReviewViewer(team.LeaderId, false, false), team.MemberIds[0], firstOfMonth));

        Assert.Equal(FilingStatus.Filed, status);
        Assert.Equal(2, summary!.Praise);
        Assert.Equal(1, summary.Corrections);
        Assert.Equal([new(EtiquettePoint.Smile, 2), new(EtiquettePoint.Greet, 1)], summary.PraiseByPoint);
        Assert.Equal([new(EtiquettePoint.Rise, 1)], summary.CorrectionsByPoint);
    }

    private Task<(FilingStatus Status, PersonMonth? Summary)> SummaryAsync(ReviewViewer viewer) =>
        factory.WithScopeAsync(services => services.GetRequiredService<MonthlyNoteSummary>().ForPersonAsync(viewer, team.MemberIds[0], firstOfMonth));

    [Fact]
    public async Task Summary_PersonWithNoTeam_AdministratorSeesEverything()
    {
        await factory.WithDbAsync(db => db.Users.Where(p => p.Id == team.MemberIds[0]).ExecuteUpdateAsync(p => p.SetProperty(x => x.TeamId, (int?)null)));

        var (status, summary) = await SummaryAsync(new ReviewViewer("an-administrator", IsAdmin: true, IsManager: false));

        Assert.Equal(FilingStatus.Filed, status);
        Assert.Equal((2, 1), (summary!.Praise, summary.Corrections));
    }

    [Fact]
    public async Task Summary_AfterATransfer_EachLeaderSeesTheNotesWrittenInTheirTeam()
    {
        var siteId = await factory.WithDbAsync(db => db.Teams.Where(t => t.Id == team.TeamId).Select(t => t.SiteId).SingleAsync());
        var newTeam = await factory.CreateTeamAsync(siteId, "新班组", "L410");
        var stranger = await factory.CreateTeamAsync(siteId, "别的班组", "L420");
        await factory.WithDbAsync(db => db.Users.Where(p => p.Id == team.MemberIds[0]).ExecuteUpdateAsync(p => p.SetProperty(x => x.TeamId, newTeam.TeamId)));
        var filed = await factory.WithScopeAsync(services => services.GetRequiredService<ReviewFiling>().FileAsync(newTeam.LeaderId, newTeam.TeamId, new ReviewInput
        {
            ShiftDate = firstOfMonth.AddDays(27), ShiftKey = ShiftCalendar.DailyKey, WentWellPoints = EtiquettePoint.Smile,
            Notes = [new NoteInput { PersonId = team.MemberIds[0], Kind = NoteKind.Praise, Points = EtiquettePoint.Language, Text = "新班组的表扬" }],
        }));
        Assert.Equal(FilingStatus.Filed, filed.Status);

        var (oldStatus, old) = await SummaryAsync(new ReviewViewer(team.LeaderId, false, false));
        var (newStatus, current) = await SummaryAsync(new ReviewViewer(newTeam.LeaderId, false, false));
        var (strangerStatus, _) = await SummaryAsync(new ReviewViewer(stranger.LeaderId, false, false));
        var (ownStatus, own) = await SummaryAsync(new ReviewViewer(team.MemberIds[0], false, false));

        Assert.Equal((FilingStatus.Filed, 2, 1), (oldStatus, old!.Praise, old.Corrections));
        Assert.DoesNotContain(old.Notes, n => n.Text == "新班组的表扬");
        Assert.Equal((FilingStatus.Filed, 1, 0), (newStatus, current!.Praise, current.Corrections));
        Assert.Equal([new(EtiquettePoint.Language, 1)], current.PraiseByPoint);
        Assert.Equal("新班组的表扬", Assert.Single(current.Notes).Text);
        Assert.Equal(FilingStatus.Forbidden, strangerStatus);
        Assert.Equal((FilingStatus.Filed, 3, 1), (ownStatus, own!.Praise, own.Corrections));
    }

    [Fact]
    public async Task Page_PersonSeesTheirOwn_ColleagueIsRefused()
    {
        var own = await (await factory.SignedInAsync("E401")).GetAsync($"/reviews/people/{team.MemberIds[0]}/monthly");
        var colleague = await (await factory.SignedInAsync("E402")).GetAsync($"/reviews/people/{team.MemberIds[0]}/monthly");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("本月表扬 2 次，纠正 1 次", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, colleague.StatusCode);
    }
}
