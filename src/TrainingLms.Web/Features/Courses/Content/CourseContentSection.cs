using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses.Content;

/// <summary>The courses, as a section of the content page.</summary>
public sealed class CourseContentSection(CourseSync sync, CourseSyncState state) : IContentSection
{
    public string TitleKey => "Content.Courses";

    public string SourceKey => "Content.Folder";

    public ContentSectionReport? Last => state.Last is { } report
        ? new(report.FinishedAtUtc, [.. report.Courses.Select(c => new ContentSectionRow(c.Folder, c.Slug, c.Outcome, c.Version))], report.Problems)
        : null;

    public Task SyncAsync(CancellationToken cancellationToken = default) => sync.SyncAsync(cancellationToken);
}
