using TrainingLms.Domain.FollowUps;
using TrainingLms.Domain.FootageSessions;
using TrainingLms.Domain.Inspections;

namespace TrainingLms.Domain.Tests.FollowUps;

public class FollowUpTests
{
    private static readonly DateTime Opened = new(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Every kind of follow-up, opened with three days to put it right.</summary>
    private static FollowUp New(string kind) => kind == "rectification"
        ? new Rectification { OpenedAtUtc = Opened, DueAtUtc = Opened.AddDays(3) }
        : new FootageFault { OwnerId = "owner", OpenedAtUtc = Opened, DueAtUtc = Opened.AddDays(3) };

    [Theory]
    [InlineData("rectification")]
    [InlineData("footage")]
    public void Close_ThenVerify_EachOnlyFromItsState(string kind)
    {
        var item = New(kind);
        Assert.False(item.Verify("checker", Opened));
        Assert.True(item.Close("owner", "重新演练", Opened.AddDays(1)));
        Assert.False(item.Close("owner", "again", Opened.AddDays(1)));
        Assert.Equal((FollowUpStatus.Closed, "重新演练", "owner"), (item.Status, item.WhatWasDone, item.ClosedById));
        Assert.True(item.Verify("checker", Opened.AddDays(2)));
        Assert.False(item.Reopen("late", Opened.AddDays(2)));
        Assert.Equal((FollowUpStatus.Verified, "checker"), (item.Status, item.VerifiedById));
    }

    [Theory]
    [InlineData("rectification")]
    [InlineData("footage")]
    public void Reopen_OpenAgain_WithTheSameTimeFromNow(string kind)
    {
        var item = New(kind);
        item.Close("owner", "done", Opened.AddDays(2));
        Assert.True(item.Reopen("仍未改正", Opened.AddDays(2)));
        Assert.Equal((FollowUpStatus.Open, 1, "仍未改正"), (item.Status, item.ReopenCount, item.ReopenReason));
        Assert.Equal(Opened.AddDays(5), item.DueAtUtc);
    }

    [Theory]
    [InlineData("rectification")]
    [InlineData("footage")]
    public void Reopen_Twice_EachTimeTheSameThreeDaysFromThen(string kind)
    {
        var item = New(kind);
        item.Close("owner", "done", Opened.AddDays(2));
        item.Reopen("仍未改正", Opened.AddDays(2));
        item.Close("owner", "done again", Opened.AddDays(4));

        Assert.True(item.Reopen("还是不行", Opened.AddDays(4)));
        Assert.Equal(Opened.AddDays(7), item.DueAtUtc);
    }

    [Theory]
    [InlineData("rectification")]
    [InlineData("footage")]
    public void IsOverdue_OnlyOpenAndPastDue(string kind)
    {
        var item = New(kind);
        Assert.False(item.IsOverdue(Opened.AddDays(3)));
        Assert.True(item.IsOverdue(Opened.AddDays(3).AddSeconds(1)));
        item.Close("owner", "done", Opened.AddDays(4));
        Assert.False(item.IsOverdue(Opened.AddDays(10)));
    }

    [Theory]
    [InlineData("", FollowUpTextProblem.Missing)]
    [InlineData("   \r\n ", FollowUpTextProblem.Missing)]
    [InlineData("ok", null)]
    public void Check_CleanedText(string typed, FollowUpTextProblem? expected) => Assert.Equal(expected, FollowUp.Check(FollowUp.Clean(typed)));

    [Fact]
    public void Check_LongerThanTheLimit_TooLong()
    {
        Assert.Null(FollowUp.Check(new string('字', FollowUp.MaxTextLength)));
        Assert.Equal(FollowUpTextProblem.TooLong, FollowUp.Check(new string('字', FollowUp.MaxTextLength + 1)));
        Assert.Equal("a\nb", FollowUp.Clean(" a\r\nb "));
    }
}
