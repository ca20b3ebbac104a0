namespace TrainingLms.Domain.Courses;

public enum LessonStatus
{
    NotStarted = 0,
    Completed = 1,
    ReviewNeeded = 2,
}

public enum CourseStatus
{
    NotStarted = 0,
    InProgress = 1,
    Completed = 2,
    ReviewNeeded = 3,
}

public sealed record LessonProgress(string Key, LessonStatus Status);

public sealed record CourseProgress(CourseStatus Status, IReadOnlyList<LessonProgress> Lessons)
{
    public int CompletedCount => Lessons.Count(l => l.Status == LessonStatus.Completed);
    public int Percent => Lessons.Count == 0 ? 0 : 100 * CompletedCount / Lessons.Count;
    public string? NextLessonKey => Lessons.FirstOrDefault(l => l.Status != LessonStatus.Completed)?.Key;
}

/// <summary>A lesson of the current revision with the hash of its content.</summary>
public sealed record LessonVersionHash(string Key, string Hash);

/// <summary>A person's lesson completion: which lesson, at which course version.</summary>
public sealed record CompletedLesson(string Key, int Version);

/// <summary>
/// Where a person stands in a course. A lesson done at the current version is complete; a lesson done at an
/// earlier version still counts when its content has not changed since (patches within a version never count
/// as changes); otherwise a person who had completed the course needs to review it.
/// </summary>
public static class CourseProgressRules
{
    /// <param name="hashesAtVersion">For each earlier version: lesson key → hash in that version's last revision.</param>
    public static CourseProgress Evaluate(
        int currentVersion,
        IReadOnlyList<LessonVersionHash> lessons,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> hashesAtVersion,
        IReadOnlyCollection<CompletedLesson> completions,
        IReadOnlyCollection<int> completedCourseVersions)
    {
        var completedBefore = completedCourseVersions.Any(v => v < currentVersion);
        var progress = lessons.Select(lesson =>
        {
            var done = completions.Any(c => c.Key == lesson.Key && (c.Version == currentVersion || UnchangedSince(c.Version, lesson)));
            var status = done ? LessonStatus.Completed : completedBefore ? LessonStatus.ReviewNeeded : LessonStatus.NotStarted;
            return new LessonProgress(lesson.Key, status);
        }).ToList();

        var courseStatus = progress.All(l => l.Status == LessonStatus.Completed) && progress.Count > 0 ? CourseStatus.Completed
            : progress.Any(l => l.Status == LessonStatus.ReviewNeeded) ? CourseStatus.ReviewNeeded
            : progress.Any(l => l.Status == LessonStatus.Completed) ? CourseStatus.InProgress
            : CourseStatus.NotStarted;
        return new CourseProgress(courseStatus, progress);

        bool UnchangedSince(int version, LessonVersionHash lesson) =>
            version < currentVersion
            && hashesAtVersion.TryGetValue(version, out var hashes)
            && hashes.TryGetValue(lesson.Key, out var hash)
            && hash == lesson.Hash;
    }
}
