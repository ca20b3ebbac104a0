using TrainingLms.Domain.Courses;

namespace TrainingLms.Domain.Tests.Courses;

/// <summary>
/// Where a learner stands after a course's version is raised. The course below went through three versions:
/// lesson "a" was rewritten in version 2, "b" never changed, "c" was added in version 2, "d" was removed in
/// version 2 and "e" changed in version 2 and changed back to its version-1 text in version 3.
/// </summary>
public class CourseProgressRulesTests
{
    private const int Current = 3;

    private static readonly IReadOnlyList<LessonVersionHash> Lessons =
        [new("a", "a2"), new("b", "b1"), new("c", "c2"), new("e", "e1")];

    private static readonly IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> Earlier = new Dictionary<int, IReadOnlyDictionary<string, string>>
    {
        [1] = new Dictionary<string, string> { ["a"] = "a1", ["b"] = "b1", ["d"] = "d1", ["e"] = "e1" },
        [2] = new Dictionary<string, string> { ["a"] = "a2", ["b"] = "b1", ["c"] = "c2", ["e"] = "e2" },
    };

    /// <summary>"a@1 b@3" → lesson a completed at version 1, b at version 3.</summary>
    private static List<CompletedLesson> Done(string completions) =>
        [.. completions.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split('@')).Select(p => new CompletedLesson(p[0], int.Parse(p[1])))];

    private static List<int> Versions(string versions) => [.. versions.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];

    private static string Statuses(CourseProgress progress) =>
        string.Join(" ", progress.Lessons.Select(l => $"{l.Key}:{l.Status switch { LessonStatus.Completed => "done", LessonStatus.ReviewNeeded => "review", _ => "-" }}"));

    [Theory]
    // lessons completed, course completed at → each lesson, the course
    [InlineData("", "", "a:- b:- c:- e:-", CourseStatus.NotStarted)]
    [InlineData("a@3 b@3 c@3 e@3", "3", "a:done b:done c:done e:done", CourseStatus.Completed)]
    [InlineData("b@3", "", "a:- b:done c:- e:-", CourseStatus.InProgress)]
    // Completed the whole course at version 1: the rewritten and the added lessons need review, the unchanged one does not.
    // "e" is compared with the text it was done at, so changing it back makes it count again; removed "d" is ignored.
    [InlineData("a@1 b@1 d@1 e@1", "1", "a:review b:done c:review e:done", CourseStatus.ReviewNeeded)]
    // Version 2 skipped entirely: the same comparison with version 1, whatever happened in between.
    [InlineData("a@1 b@1 d@1 e@1", "1,2", "a:review b:done c:review e:done", CourseStatus.ReviewNeeded)]
    // Completed at version 2: "a" and "c" are as they were then; "e" has changed since.
    [InlineData("a@2 b@2 c@2 e@2", "2", "a:done b:done c:done e:review", CourseStatus.ReviewNeeded)]
    // Lessons redone at the new version after a review: complete again, the earlier completion still on record.
    [InlineData("a@1 b@1 d@1 e@1 a@3 c@3", "1", "a:done b:done c:done e:done", CourseStatus.Completed)]
    // Part-way at version 1 and never finished: nothing to review, unchanged lessons still count.
    [InlineData("a@1 b@1", "", "a:- b:done c:- e:-", CourseStatus.InProgress)]
    public void Evaluate_VersionRaised_OnlyChangedOrAddedLessonsNeedReview(string completions, string courseVersions, string expectedLessons, CourseStatus expectedCourse)
    {
        var progress = CourseProgressRules.Evaluate(Current, Lessons, Earlier, Done(completions), Versions(courseVersions));

        Assert.Equal(expectedLessons, Statuses(progress));
        Assert.Equal(expectedCourse, progress.Status);
    }

    [Theory]
    [InlineData("b@4", "4")]       // a completion at a version above the current one (a version was lowered) is not trusted
    [InlineData("b@9", "")]
    [InlineData("b@0", "")]        // a version with no recorded hashes cannot prove the lesson unchanged
    public void Evaluate_CompletionAtAVersionWithoutHashes_DoesNotCount(string completions, string courseVersions)
    {
        var progress = CourseProgressRules.Evaluate(Current, Lessons, Earlier, Done(completions), Versions(courseVersions));

        Assert.Equal(LessonStatus.NotStarted, progress.Lessons.Single(l => l.Key == "b").Status);
    }

    [Fact]
    public void Evaluate_SameVersion_PatchesNeverCountAsChanges()
    {
        // A lesson done at the current version stays done, whatever its hash is now.
        var progress = CourseProgressRules.Evaluate(1, [new("a", "patched")], new Dictionary<int, IReadOnlyDictionary<string, string>>(), Done("a@1"), [1]);

        Assert.Equal(CourseStatus.Completed, progress.Status);
    }

    [Theory]
    [InlineData("", 0, "a")]
    [InlineData("b@3", 25, "a")]
    [InlineData("a@3 b@3", 50, "c")]
    [InlineData("a@3 b@3 c@3 e@3", 100, null)]
    public void Progress_PercentAndNextLesson_FollowTheLessonOrder(string completions, int expectedPercent, string? expectedNext)
    {
        var progress = CourseProgressRules.Evaluate(Current, Lessons, Earlier, Done(completions), []);

        Assert.Equal((expectedPercent, expectedNext), (progress.Percent, progress.NextLessonKey));
    }

    [Fact]
    public void Evaluate_CourseWithoutLessons_NotStartedAtZeroPercent()
    {
        var progress = CourseProgressRules.Evaluate(1, [], Earlier, [], []);

        Assert.Equal((CourseStatus.NotStarted, 0, (string?)null), (progress.Status, progress.Percent, progress.NextLessonKey));
    }
}
