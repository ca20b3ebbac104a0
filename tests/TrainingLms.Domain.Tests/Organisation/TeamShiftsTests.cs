using TrainingLms.Domain.Organisation;

namespace TrainingLms.Domain.Tests.Organisation;

public class TeamShiftsTests
{
    [Fact]
    public void Parse_NamesAndTimes_SortedByStart_NightShiftCrossesMidnight()
    {
        var result = TeamShifts.Parse("夜班 20:00-08:00；白班 8:00 - 20:00");

        Assert.Empty(result.Problems);
        Assert.Equal([new TeamShift("白班", new(8, 0), new(20, 0)), new TeamShift("夜班", new(20, 0), new(8, 0))], result.Shifts);
        Assert.True(result.Shifts[1].CrossesMidnight);
        Assert.Equal("白班 08:00-20:00; 夜班 20:00-08:00", TeamShifts.Format(result.Shifts));
    }

    [Theory]
    [InlineData("白班 8点到20点", ShiftScheduleProblem.Format)]
    [InlineData("白班 08:00-08:00", ShiftScheduleProblem.Format)]
    [InlineData("白班 25:00-08:00", ShiftScheduleProblem.Format)]
    [InlineData("白班 08:00-20:00; 白班 20:00-08:00", ShiftScheduleProblem.DuplicateName)]
    [InlineData("这是一个名字特别特别特别特别特别长的班次啊啊 08:00-20:00", ShiftScheduleProblem.NameTooLong)]
    public void Parse_BadEntry_IsReported(string text, ShiftScheduleProblem expected)
    {
        Assert.Equal(expected, Assert.Single(TeamShifts.Parse(text).Problems).Problem);
    }

    [Fact]
    public void Parse_Blank_MeansNoConcentratedShift()
    {
        Assert.Empty(TeamShifts.Parse("  ").Shifts);
    }
}
