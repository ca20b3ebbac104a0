using Bunit;
using TrainingLms.Web.Components.Shared;

namespace TrainingLms.Web.Tests.Components.Shared;

public class TrendChartTests : LocalizedContext
{
    [Theory]
    [InlineData(new[] { 82.0, 88.0 }, 80, 90)]
    [InlineData(new[] { 80.0, 80.0 }, 80, 90)]
    [InlineData(new[] { 95.0, 100.0 }, 90, 100)]
    [InlineData(new[] { 100.0 }, 90, 100)]
    [InlineData(new[] { 0.0, 3.5 }, 0, 10)]
    [InlineData(new double[0], 0, 100)]
    public void TrendChartLayout_Axis_WholeTensAroundTheScores_Within0To100(double[] scores, double min, double max)
    {
        var layout = new TrendChartLayout(3, scores.Select(s => (double?)s));

        Assert.Equal((min, max), (layout.Min, layout.Max));
    }

    [Fact]
    public void TrendChartLayout_Path_GapBreaksTheLine_PointsSpreadAcrossThePlot()
    {
        var layout = new TrendChartLayout(4, [80, 90]);

        Assert.Equal("M40 284 M417.3 150 L606 16", layout.Path([80, null, 85, 90]));
        Assert.Equal("", layout.Path([null, null, null, null]));
        Assert.Equal([80.0, 90.0], layout.Ticks());
        Assert.Equal(TrendChartLayout.Width / 2 + (TrendChartLayout.Left - TrendChartLayout.Right) / 2, new TrendChartLayout(1, [50]).X(0));
    }

    [Fact]
    public void TrendChartLayout_Ticks_EveryTwentyOnAWideAxis_LabelsEveryOtherMonthEndingWithTheLast()
    {
        var layout = new TrendChartLayout(12, [12, 97]);

        Assert.Equal([10.0, 30.0, 50.0, 70.0, 90.0], layout.Ticks());
        Assert.Equal([1, 3, 5, 7, 9, 11], Enumerable.Range(0, 12).Where(layout.Labelled));
        Assert.All(Enumerable.Range(0, 6), month => Assert.True(new TrendChartLayout(6, [50]).Labelled(month)));
    }

    [Fact]
    public void TrendChart_TwoSeries_ALineAndAPointPerScore_SameFiguresInTheTable()
    {
        UseCulture("zh-CN");
        string[] months = ["2026-09", "2026-10", "2026-11"];
        TrendSeries[] series = [new("1", "项目R", [75, null, 80]), new("2", "项目S", [90, 88, 85])];

        var cut = Render<TrendChart>(p => p.Add(c => c.Id, "sites").Add(c => c.Title, "各项目月度得分").Add(c => c.Labels, months).Add(c => c.SeriesHeading, "名称").Add(c => c.Series, series));

        var svg = cut.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("各项目月度得分", Text(cut.Find("#sites-title")));
        Assert.Equal(2, cut.FindAll(".trend-series path").Count);
        Assert.Equal(5, cut.FindAll(".trend-series circle").Count);
        Assert.Equal(["项目R", "项目S"], cut.FindAll(".trend-legend li").Select(Text));
        var rows = cut.FindAll("details tbody tr").Select(row => row.Children.Select(Text).ToArray()).ToList();
        Assert.Equal([["项目R", "75.0", "–", "80.0"], ["项目S", "90.0", "88.0", "85.0"]], rows);
        Assert.Equal("2026-10", cut.FindAll("details tbody td")[1].GetAttribute("data-label"));
        Assert.Equal(["名称", "2026-09", "2026-10", "2026-11"], cut.FindAll("details thead th").Select(Text));
        Assert.Equal(["2026-09", "2026-10", "2026-11"], cut.FindAll("svg > g > text").Select(Text).Where(t => t.StartsWith("2026", StringComparison.Ordinal)));
    }
}
