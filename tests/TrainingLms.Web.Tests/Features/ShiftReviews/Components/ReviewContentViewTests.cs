using Bunit;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Web.Features.ShiftReviews.Components;

namespace TrainingLms.Web.Tests.Features.ShiftReviews.Components;

public class ReviewContentViewTests : LocalizedContext
{
    private static readonly ReviewContent Before = new("主动问好", EtiquettePoint.Greet, "未起身", EtiquettePoint.Rise, "", ["p1", "p2", "gone"]);

    private static readonly Dictionary<string, string> Names = new() { ["p1"] = "李娜", ["p2"] = "张伟" };

    [Fact]
    public void ReviewContentView_WithNames_ListsWhoWasAbsent_UnknownAsAQuestionMark()
    {
        UseCulture("zh-CN");

        var cut = Render<ReviewContentView>(p => p.Add(c => c.Content, Before).Add(c => c.Names, Names));

        Assert.Equal("缺勤: 李娜、张伟、?", Text(cut.Find(".review-absent")));
        Assert.Contains("主动问好", Text(cut.Find(".review-content")));
    }

    [Fact]
    public void ReviewContentView_WithoutNames_OrNobodyAbsent_NoAbsenceLine()
    {
        UseCulture("en-US");

        var withoutNames = Render<ReviewContentView>(p => p.Add(c => c.Content, Before));
        var nobodyAbsent = Render<ReviewContentView>(p => p.Add(c => c.Content, Before with { AbsentPersonIds = [] }).Add(c => c.Names, Names));

        Assert.Empty(withoutNames.FindAll(".review-absent"));
        Assert.Empty(nobodyAbsent.FindAll(".review-absent"));
    }
}
