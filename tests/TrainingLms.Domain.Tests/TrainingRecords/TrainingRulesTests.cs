using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.ShiftReviews;
using TrainingLms.Domain.TrainingRecords;

namespace TrainingLms.Domain.Tests.TrainingRecords;

public class TrainingRulesTests
{
    private const string Leader = "leader";
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static TrainingActor Manager(bool ofTheSite) => new("manager", false, ofTheSite, false);
    private static TrainingActor Trainer => new("trainer", false, false, true);
    private static TrainingActor TheLeader => new(Leader, true, false, false);

    [Theory]
    [InlineData(TrainingRecordStatus.Submitted, TrainingVerdict.Allowed)]
    [InlineData(TrainingRecordStatus.Countersigned, TrainingVerdict.WrongState)]
    [InlineData(TrainingRecordStatus.Returned, TrainingVerdict.WrongState)]
    public void CanOversee_SiteManagerOrTrainer_OnlyASubmittedRecord(TrainingRecordStatus status, TrainingVerdict expected)
    {
        Assert.Equal(expected, TrainingRules.CanOversee(status, Leader, Manager(ofTheSite: true)));
        Assert.Equal(expected, TrainingRules.CanOversee(status, Leader, Trainer));
    }

    [Fact]
    public void CanOversee_ManagerOfAnotherSiteOrTheLeader_Refused()
    {
        Assert.Equal(TrainingVerdict.Forbidden, TrainingRules.CanOversee(TrainingRecordStatus.Submitted, Leader, Manager(ofTheSite: false)));
        Assert.Equal(TrainingVerdict.Forbidden, TrainingRules.CanOversee(TrainingRecordStatus.Submitted, Leader, TheLeader));
    }

    [Fact]
    public void CanOversee_OwnRecord_RefusedEvenForAManagerOrTrainerWhoRecordedIt()
    {
        Assert.Equal(TrainingVerdict.OwnRecord, TrainingRules.CanOversee(TrainingRecordStatus.Submitted, "manager", Manager(ofTheSite: true)));
        Assert.Equal(TrainingVerdict.OwnRecord, TrainingRules.CanOversee(TrainingRecordStatus.Submitted, "trainer", Trainer));
    }

    [Theory]
    [InlineData(TrainingRecordStatus.Returned, TrainingVerdict.Allowed)]
    [InlineData(TrainingRecordStatus.Submitted, TrainingVerdict.WrongState)]
    [InlineData(TrainingRecordStatus.Countersigned, TrainingVerdict.WrongState)]
    public void CanCorrect_TheTeamsLeader_OnlyAReturnedRecord(TrainingRecordStatus status, TrainingVerdict expected) =>
        Assert.Equal(expected, TrainingRules.CanCorrect(status, Leader, TheLeader));

    [Fact]
    public void CanCorrect_ManagerOrTrainer_Refused()
    {
        Assert.Equal(TrainingVerdict.Forbidden, TrainingRules.CanCorrect(TrainingRecordStatus.Returned, Leader, Manager(ofTheSite: true)));
        Assert.Equal(TrainingVerdict.Forbidden, TrainingRules.CanCorrect(TrainingRecordStatus.Returned, Leader, Trainer));
    }

    [Fact]
    public void CanCorrect_TheLeaderWhoRecordedIt_EvenAfterTheTeamChangedLeader() =>
        Assert.Equal(TrainingVerdict.Allowed, TrainingRules.CanCorrect(TrainingRecordStatus.Returned, Leader, new TrainingActor(Leader, false, false, false)));

    [Theory]
    [InlineData(TrainingRecordStatus.Submitted, TrainingStepKind.Countersigned, TrainingRecordStatus.Countersigned)]
    [InlineData(TrainingRecordStatus.Submitted, TrainingStepKind.Returned, TrainingRecordStatus.Returned)]
    [InlineData(TrainingRecordStatus.Returned, TrainingStepKind.Resubmitted, TrainingRecordStatus.Submitted)]
    public void After_AllowedSteps_MoveTheRecord(TrainingRecordStatus from, TrainingStepKind step, TrainingRecordStatus expected) =>
        Assert.Equal(expected, TrainingRules.After(from, step));

    [Theory]
    [InlineData(TrainingRecordStatus.Countersigned, TrainingStepKind.Returned)]
    [InlineData(TrainingRecordStatus.Countersigned, TrainingStepKind.Countersigned)]
    [InlineData(TrainingRecordStatus.Returned, TrainingStepKind.Countersigned)]
    [InlineData(TrainingRecordStatus.Submitted, TrainingStepKind.Resubmitted)]
    [InlineData(TrainingRecordStatus.Submitted, TrainingStepKind.Submitted)]
    public void After_StepThatCannotFollow_Throws(TrainingRecordStatus from, TrainingStepKind step) =>
        Assert.Throws<InvalidOperationException>(() => TrainingRules.After(from, step));

    [Theory]
    [InlineData(0, true)]
    [InlineData(-7, true)]
    [InlineData(-8, false)]
    [InlineData(1, false)]
    public void IsDateInRange_TodayBackSevenDays_NeverTheFuture(int offset, bool expected) =>
        Assert.Equal(expected, TrainingRules.IsDateInRange(Today.AddDays(offset), Today));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(120, true)]
    [InlineData(121, false)]
    [InlineData(-5, false)]
    public void IsMinutesInRange_OneToOneHundredTwenty(int minutes, bool expected) =>
        Assert.Equal(expected, TrainingRules.IsMinutesInRange(minutes));

    [Theory]
    [InlineData(6, 0, "早班")]
    [InlineData(7, 30, "早班")]
    [InlineData(9, 0, "晚班")]
    [InlineData(23, 45, "早班")]
    public void DefaultShift_TheNextToStart_AfterTheLastTheFirst(int hour, int minute, string expected)
    {
        IReadOnlyList<TeamShift> shifts = [new("晚班", new(15, 30), new(23, 30)), new("早班", new(7, 30), new(15, 30))];

        Assert.Equal(expected, TrainingRules.DefaultShift(shifts, new TimeOnly(hour, minute)));
    }

    [Fact]
    public void DefaultShift_TeamWithoutShifts_IsTheDailyKey() =>
        Assert.Equal(ShiftCalendar.DailyKey, TrainingRules.DefaultShift([], new TimeOnly(9, 0)));
}
