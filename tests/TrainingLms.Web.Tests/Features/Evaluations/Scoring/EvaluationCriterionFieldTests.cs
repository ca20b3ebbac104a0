using Bunit;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Evaluations.Scoring.Components;

namespace TrainingLms.Web.Tests.Features.Evaluations.Scoring;

public class EvaluationCriterionFieldTests : LocalizedContext
{
    private static readonly EvaluationCriterion Example = new("leads-by-example", new("以身作则", "Leads by example"), new("标准", "Standard"), 5, 3, CriterionSource.Scored);
    private static readonly EvaluationCriterion Reviews = new("shift-reviews-held", new("班后讲评", "Reviews held"), new("标准", "Standard"), 5, 2, CriterionSource.ReviewFilingRate);

    [Fact]
    public void ScoredCriterion_OneChipPerPoint_ChosenChecked_ErrorShown()
    {
        UseCulture("zh-CN");

        var cut = Render<EvaluationCriterionField>(p => p.Add(c => c.Criterion, Example).Add(c => c.Number, 1).Add(c => c.Month, "2026年10月")
            .Add(c => c.Chosen, "4").Add(c => c.Error, "Evaluations.Sheet.ScoreRequired"));

        Assert.Equal(["0", "1", "2", "3", "4", "5"], cut.FindAll("input[name='score.leads-by-example']").Select(i => i.GetAttribute("value")));
        Assert.Equal("4", cut.Find("input:checked").GetAttribute("value"));
        Assert.Equal("请选择分数。", Text(cut.Find("[data-error='score.leads-by-example']")));
        Assert.Contains("权重 3", Text(cut.Find("legend")));
    }

    [Fact]
    public void ComputedCriterion_ShowsSourceMonthAndPoints_NoChips()
    {
        UseCulture("en-US");

        var cut = Render<EvaluationCriterionField>(p => p.Add(c => c.Criterion, Reviews).Add(c => c.Number, 2).Add(c => c.Month, "October 2026")
            .Add(c => c.Value, new ComputedValue(CriterionSource.ReviewFilingRate, 28, 31)));

        Assert.Empty(cut.FindAll("input"));
        Assert.Equal("90.3", cut.Find(".computed-value").GetAttribute("data-computed"));
        Assert.Contains("28 of 31 end-of-shift reviews due in October 2026 were filed", Text(cut.Find(".computed-value")));
        Assert.Contains("5 of 5 points (90.3%)", Text(cut.Find(".computed-value")));
    }

    [Fact]
    public void ComputedCriterion_NoData_SaysItDoesNotCount()
    {
        UseCulture("zh-CN");

        var cut = Render<EvaluationCriterionField>(p => p.Add(c => c.Criterion, Reviews).Add(c => c.Number, 2).Add(c => c.Month, "2026年10月")
            .Add(c => c.Value, new ComputedValue(CriterionSource.ReviewFilingRate, 0, 0)));

        Assert.Equal("none", cut.Find(".computed-value").GetAttribute("data-computed"));
        Assert.Contains("本月没有数据，不计入总分", Text(cut.Find(".computed-value")));
    }
}
