using System.Globalization;
using Bunit;
using TrainingLms.Web.Features.Home;
using TrainingLms.Web.Features.Home.Components;

namespace TrainingLms.Web.Tests.Features.Home.Components;

public class AdminOverviewTests : LocalizedContext
{
    private static readonly DateTime ImportedAt = new(2025, 3, 1, 9, 30, 0);

    private static AdminSummary Summary(LastImport? last = null, int peopleWithoutTeam = 0, params string[] teamsWithoutLeader) =>
        new(Sites: 3, Teams: 14, ActivePeople: 212, DeactivatedPeople: 9, peopleWithoutTeam, last, teamsWithoutLeader);

    [Fact]
    public void AdminOverview_Counts_FourStatsWithLabelsAndLinks()
    {
        UseCulture("zh-CN");

        var cut = Render<AdminOverview>(p => p.Add(c => c.Summary, Summary()));

        Assert.Equal("组织概况", Text(cut.Find("h2")));
        var stats = cut.FindAll("a.card-stat")
            .Select(a => (Text(a.QuerySelector(".value")!), Text(a.QuerySelector(".label")!), a.GetAttribute("href")))
            .ToArray();
        Assert.Equal(
            [
                ("3", "项目", "/admin/sites"),
                ("14", "班组", "/admin/teams"),
                ("212", "在职人员", "/admin/people"),
                ("9", "已停用", "/admin/people?status=inactive"),
            ],
            stats);
    }

    [Fact]
    public void AdminOverview_LastImportSucceeded_TimeFileAndCounts()
    {
        UseCulture("en-US");
        var last = new LastImport(ImportedAt, "people-march.csv", Succeeded: true, Created: 20, Updated: 2, Unchanged: 190, Problems: 0);

        var cut = Render<AdminOverview>(p => p.Add(c => c.Summary, Summary(last)));

        var expectedTime = Squash(ImportedAt.ToString("g", CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal($"{expectedTime} · people-march.csv · 20 created, 2 updated, 190 unchanged", Text(cut.Find("p.last-import")));
        Assert.Empty(cut.FindAll("p.last-import .text-danger"));
    }

    [Fact]
    public void AdminOverview_LastImportRefused_ProblemCountInRed()
    {
        UseCulture("zh-CN");
        var last = new LastImport(ImportedAt, "人员.csv", Succeeded: false, 0, 0, 0, Problems: 4);

        var cut = Render<AdminOverview>(p => p.Add(c => c.Summary, Summary(last)));

        Assert.Equal("未导入，4 个问题", Text(cut.Find("p.last-import .text-danger")));
        var expectedTime = Squash(ImportedAt.ToString("g", CultureInfo.GetCultureInfo("zh-CN")));
        Assert.StartsWith($"{expectedTime} · 人员.csv ·", Text(cut.Find("p.last-import")));
    }

    [Fact]
    public void AdminOverview_NoImportYet_LinkToImport()
    {
        UseCulture("en-US");

        var cut = Render<AdminOverview>(p => p.Add(c => c.Summary, Summary()));

        Assert.Empty(cut.FindAll("p.last-import"));
        Assert.Contains("No people have been imported yet.", cut.Markup);
        var link = cut.Find("a[href='/admin/people/import']");
        Assert.Equal("Import", Text(link));
    }

    [Fact]
    public void AdminOverview_GapsInOrganisation_ToDoListNamesTeamsAndCountsPeople()
    {
        UseCulture("zh-CN");

        var cut = Render<AdminOverview>(p => p.Add(c => c.Summary, Summary(null, 5, "客服一班", "保洁二班")));

        Assert.Equal(["最近一次人员导入", "待处理"], cut.FindAll("h3").Select(Text));
        Assert.Equal(
            ["2 个班组没有班长: 客服一班、保洁二班", "5 人未分配班组"],
            cut.FindAll("li").Select(Text));
    }

    [Fact]
    public void AdminOverview_NothingToDo_NoToDoPanel()
    {
        UseCulture("en-US");

        var cut = Render<AdminOverview>(p => p.Add(c => c.Summary, Summary()));

        Assert.DoesNotContain("Needs attention", cut.Markup);
        Assert.Empty(cut.FindAll("li"));
    }
}
