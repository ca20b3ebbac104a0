using System.Globalization;
using Bunit;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Home;
using TrainingLms.Web.Features.Home.Components;

namespace TrainingLms.Web.Tests.Features.Home.Components;

public class TeamRosterPanelTests : LocalizedContext
{
    private static TeamRoster Roster(params RosterMember[] members) =>
        new(4, "客服一班", "金桥广场", LineOfWork.CustomerService, members);

    [Fact]
    public void TeamRosterPanel_MembersInChinese_HeaderCountAndOneRowEach()
    {
        UseCulture("zh-CN");
        var roster = Roster(
            new RosterMember("A1001", "李伟", "前台接待", "13912340102", new DateOnly(2021, 5, 10), IsNewHire: false),
            new RosterMember("A1002", "王芳", null, null, new DateOnly(2025, 3, 1), IsNewHire: true),
            new RosterMember("A1003", "张磊", "礼宾", "13800000003", null, IsNewHire: false));

        var cut = Render<TeamRosterPanel>(p => p.Add(c => c.Roster, roster));

        Assert.Equal("我的班组：客服一班", Text(cut.Find("h2")));
        Assert.Equal("我的班组：客服一班", cut.Find("section").GetAttribute("aria-label"));
        Assert.Equal("金桥广场 · 客服 · 3 人", Text(cut.Find("p.text-muted")));
        Assert.Equal(["姓名", "工号", "岗位", "手机号", "入职日期"], cut.FindAll("thead th").Select(Text));
        var rows = cut.FindAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(Text).ToArray()).ToArray();
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        Assert.Equal(
            [
                ["李伟", "A1001", "前台接待", "13912340102", new DateOnly(2021, 5, 10).ToString("d", zh)],
                ["王芳新员工", "A1002", "", "", new DateOnly(2025, 3, 1).ToString("d", zh)],
                ["张磊", "A1003", "礼宾", "13800000003", ""],
            ],
            rows);
        Assert.Equal("2021/5/10", rows[0][4]);
        Assert.Equal("新员工", Text(cut.FindAll("tbody tr")[1].QuerySelector("td .badge")!));
    }

    [Fact]
    public void TeamRosterPanel_Phones_TelLinksOnlyWhereKnown()
    {
        UseCulture("zh-CN");
        var roster = Roster(
            new RosterMember("A1001", "李伟", null, "13912340102", null, false),
            new RosterMember("A1002", "王芳", null, null, null, false));

        var cut = Render<TeamRosterPanel>(p => p.Add(c => c.Roster, roster));

        var link = Assert.Single(cut.FindAll("a"));
        Assert.Equal("tel:13912340102", link.GetAttribute("href"));
    }

    [Fact]
    public void TeamRosterPanel_NewHire_BadgeOnlyOnThatRow()
    {
        UseCulture("en-US");
        var roster = Roster(
            new RosterMember("A1001", "Li Wei", null, null, null, IsNewHire: false),
            new RosterMember("A1002", "Wang Fang", null, null, new DateOnly(2025, 3, 1), IsNewHire: true));

        var cut = Render<TeamRosterPanel>(p => p.Add(c => c.Roster, roster));

        var badge = Assert.Single(cut.FindAll(".badge"));
        Assert.Equal("New", Text(badge));
        cut.FindAll("tbody tr")[1].QuerySelector("td")!.MarkupMatches(
            "<td data-label=\"Name\">Wang Fang<span class=\"badge text-bg-warning ms-1\">New</span></td>");
        Assert.Equal("3/1/2025", Text(cut.FindAll("tbody tr")[1].QuerySelectorAll("td")[4]));
    }

    [Fact]
    public void TeamRosterPanel_EmptyTeamInEnglish_EmptyMessageAndNoTable()
    {
        UseCulture("en-US");

        var cut = Render<TeamRosterPanel>(p => p.Add(c => c.Roster, Roster()));

        Assert.Equal("My team: 客服一班", Text(cut.Find("h2")));
        Assert.Equal("金桥广场 · Customer service · 0 member(s)", Text(cut.Find("p.text-muted")));
        Assert.Equal("No one is in this team yet.", Text(cut.Find("p.mb-0")));
        Assert.Empty(cut.FindAll("table"));
    }
}
