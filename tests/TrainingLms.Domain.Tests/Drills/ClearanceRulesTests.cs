using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Domain.Tests.Drills;

public class ClearanceRulesTests
{
    private const string Zone = "Asia/Shanghai";
    private static readonly Requirement Course = new(RequirementKind.Course, "meet-smile-greet-rise");
    private static readonly Requirement Drill = new(RequirementKind.Drill, "pre-job");
    private static readonly Requirement PrePosting = new(RequirementKind.Drill, "pre-posting");
    private static readonly DateOnly Today = new(2026, 6, 1);

    /// <summary>Noon in Shanghai on <paramref name="day"/>.</summary>
    private static DateTime NoonOf(DateOnly day) => SiteTime.ToUtc(day.ToDateTime(new TimeOnly(12, 0)), Zone);

    private static ClearanceFacts Facts(CourseStatus? course, DateOnly? passValidThrough, DateOnly? retakeFrom = null, IReadOnlyCollection<Requirement>? required = null) => new(
        required ?? [Course, Drill],
        new Dictionary<string, CourseStatus?> { [Course.Slug] = course },
        passValidThrough is { } end ? [new DrillPass(Drill.Slug, 1, end.AddYears(-1), end)] : [],
        retakeFrom is { } retake ? new Dictionary<string, DateOnly> { [Drill.Slug] = retake } : new Dictionary<string, DateOnly>());

    public static TheoryData<string, CourseStatus?, int?, ClearanceStatus, string> Cases => new()
    {
        // name, course status, days until the pass runs out (null: no pass), status, gaps
        { "everything done, long valid", CourseStatus.Completed, 200, ClearanceStatus.Cleared, "" },
        { "runs out in 30 days", CourseStatus.Completed, 30, ClearanceStatus.Cleared, "" },
        { "runs out in 29 days", CourseStatus.Completed, 29, ClearanceStatus.Expiring, "" },
        { "last valid day is today", CourseStatus.Completed, 0, ClearanceStatus.Expiring, "" },
        { "ran out yesterday", CourseStatus.Completed, -1, ClearanceStatus.Expired, "DrillExpired" },
        { "no pass", CourseStatus.Completed, null, ClearanceStatus.NotCleared, "DrillNotPassed" },
        { "course not started", CourseStatus.NotStarted, 200, ClearanceStatus.NotCleared, "CourseNotStarted" },
        { "course part done", CourseStatus.InProgress, 200, ClearanceStatus.NotCleared, "CourseInProgress" },
        { "course not published", null, 200, ClearanceStatus.NotCleared, "CourseUnavailable" },
        { "expired and course missing", CourseStatus.InProgress, -10, ClearanceStatus.NotCleared, "CourseInProgress,DrillExpired" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_EachStatus(string name, CourseStatus? course, int? daysLeft, ClearanceStatus expected, string gaps)
    {
        var result = ClearanceRules.Evaluate(Facts(course, daysLeft is { } d ? Today.AddDays(d) : null), NoonOf(Today), Zone);

        Assert.True(expected == result.Status, $"{name}: {result.Status}");
        Assert.Equal(gaps, string.Join(",", result.Gaps.Select(g => g.Reason)));
        Assert.Equal(result.IsCleared, result.ValidThrough is not null);
    }

    [Fact]
    public void Evaluate_NothingRequired_NotRequired()
    {
        var result = ClearanceRules.Evaluate(Facts(CourseStatus.Completed, null, required: []), NoonOf(Today), Zone);

        Assert.Equal(ClearanceStatus.NotRequired, result.Status);
    }

    [Fact]
    public void Evaluate_ExpiredGap_CarriesTheLastValidDay_NotPassed_CarriesTheRetakeDate()
    {
        var expired = ClearanceRules.Evaluate(Facts(CourseStatus.Completed, Today.AddDays(-3)), NoonOf(Today), Zone);
        var waiting = ClearanceRules.Evaluate(Facts(CourseStatus.Completed, null, retakeFrom: Today.AddDays(4)), NoonOf(Today), Zone);
        var mayRetake = ClearanceRules.Evaluate(Facts(CourseStatus.Completed, null, retakeFrom: Today), NoonOf(Today), Zone);

        Assert.Equal(Today.AddDays(-3), Assert.Single(expired.Gaps).Date);
        Assert.Equal(Today.AddDays(4), Assert.Single(waiting.Gaps).Date);
        Assert.Null(Assert.Single(mayRetake.Gaps).Date);
    }

    [Fact]
    public void Evaluate_TwoPasses_TheLaterEndCounts_AndClearanceEndsWithTheEarliestRequiredDrill()
    {
        var facts = new ClearanceFacts(
            [Drill, PrePosting], new Dictionary<string, CourseStatus?>(),
            [new DrillPass(Drill.Slug, 1, Today.AddYears(-1), Today.AddDays(5)), new DrillPass(Drill.Slug, 2, Today, Today.AddDays(300)),
             new DrillPass(PrePosting.Slug, 3, Today, Today.AddDays(100))],
            new Dictionary<string, DateOnly>());

        var result = ClearanceRules.Evaluate(facts, NoonOf(Today), Zone);

        Assert.Equal(ClearanceStatus.Cleared, result.Status);
        Assert.Equal(Today.AddDays(100), result.ValidThrough);
        Assert.Equal([2, 3], result.Basis.Select(b => b.AttemptId).Order());
    }

    [Theory]
    // Valid through 1 June (Shanghai). Shanghai's 2 June begins at 16:00 UTC on 1 June.
    [InlineData("2026-06-01T15:59:59Z", ClearanceStatus.Expiring)]
    [InlineData("2026-06-01T16:00:00Z", ClearanceStatus.Expired)]
    public void Evaluate_Expiry_AtTheSiteLocalDayBoundary(string utcNow, ClearanceStatus expected)
    {
        var now = DateTime.Parse(utcNow, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(expected, ClearanceRules.Evaluate(Facts(CourseStatus.Completed, Today), now, Zone).Status);
    }

    [Theory]
    // The same moment, 2 June 02:00 UTC: already 2 June in Shanghai, still 1 June in New York.
    [InlineData("Asia/Shanghai", ClearanceStatus.Expired)]
    [InlineData("America/New_York", ClearanceStatus.Expiring)]
    public void Evaluate_SameMoment_DependsOnTheSitesTimeZone(string zone, ClearanceStatus expected)
    {
        var now = new DateTime(2026, 6, 2, 2, 0, 0, DateTimeKind.Utc);

        Assert.Equal(expected, ClearanceRules.Evaluate(Facts(CourseStatus.Completed, Today), now, zone).Status);
    }

    [Fact]
    public void Evaluate_ExpiringWindow_IsConfigurable()
    {
        var facts = Facts(CourseStatus.Completed, Today.AddDays(45));

        Assert.Equal(ClearanceStatus.Cleared, ClearanceRules.Evaluate(facts, NoonOf(Today), Zone, expiringDays: 30).Status);
        Assert.Equal(ClearanceStatus.Expiring, ClearanceRules.Evaluate(facts, NoonOf(Today), Zone, expiringDays: 60).Status);
    }

    /// <summary>
    /// Course versions, through the Courses feature's own progress rule: a patch keeps a completion, a new version
    /// whose lessons changed needs them redone, a new version that changed no lesson keeps it.
    /// </summary>
    public static TheoryData<string, string, int, ClearanceStatus> VersionCases => new()
    {
        // name, hash of lesson 2 in the current revision, current version, status
        { "completed at the current version", "h2", 1, ClearanceStatus.Cleared },
        { "patch at the same version (lesson text fixed)", "h2-typo-fixed", 1, ClearanceStatus.Cleared },
        { "new version, lesson 2 changed", "h2-rewritten", 2, ClearanceStatus.NotCleared },
        { "new version, no lesson changed", "h2", 2, ClearanceStatus.Cleared },
    };

    [Theory]
    [MemberData(nameof(VersionCases))]
    public void Evaluate_CourseVersionChanges(string name, string lessonTwoHash, int currentVersion, ClearanceStatus expected)
    {
        var progress = CourseProgressRules.Evaluate(
            currentVersion,
            [new LessonVersionHash("01", "h1"), new LessonVersionHash("02", lessonTwoHash)],
            new Dictionary<int, IReadOnlyDictionary<string, string>> { [1] = new Dictionary<string, string> { ["01"] = "h1", ["02"] = "h2" } },
            [new CompletedLesson("01", 1), new CompletedLesson("02", 1)],
            [1]);

        var result = ClearanceRules.Evaluate(Facts(progress.Status, Today.AddDays(200)), NoonOf(Today), Zone);

        Assert.True(expected == result.Status, $"{name}: {result.Status}");
        if (expected == ClearanceStatus.NotCleared) Assert.Equal(GapReason.CourseReviewNeeded, Assert.Single(result.Gaps).Reason);
    }

    [Theory]
    [InlineData(false, "course:a,drill:b")]
    [InlineData(true, "course:a,drill:b,drill:pre-posting")]
    public void RequirementsFor_ManagerAlwaysNeedsThePrePostingDrill(bool isManager, string expected)
    {
        var required = ClearanceRules.RequirementsFor([new(RequirementKind.Drill, "b"), new(RequirementKind.Course, "a")], isManager, "pre-posting");

        Assert.Equal(expected, string.Join(",", required.Select(r => $"{r.Kind.ToString().ToLowerInvariant()}:{r.Slug}")));
    }

    [Fact]
    public void RequirementsFor_ManagerWhosePostNamesIt_ListedOnce_AndAManagerWithoutAPassIsNeverCleared()
    {
        var required = ClearanceRules.RequirementsFor([PrePosting], isManager: true, PrePosting.Slug);
        var result = ClearanceRules.Evaluate(new ClearanceFacts(required, new Dictionary<string, CourseStatus?>(), [], new Dictionary<string, DateOnly>()), NoonOf(Today), Zone);

        Assert.Single(required);
        Assert.Equal(ClearanceStatus.NotCleared, result.Status);
    }
}
