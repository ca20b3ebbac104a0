namespace TrainingLms.Web.Features.Courses.Content;

/// <summary>One thing read from content/ and what became of it: published, patched, unchanged, failed.</summary>
public sealed record ContentSectionRow(string Source, string? Slug, SyncOutcome Outcome, int? Version);

public sealed record ContentSectionReport(DateTime FinishedAtUtc, IReadOnlyList<ContentSectionRow> Rows, IReadOnlyList<ContentProblem> Problems);

/// <summary>
/// One kind of material under content/ (courses, drill rubrics). Each is read at start-up; the administrator's content
/// page shows every section's last report, with its problems by file and line, and Reload reads them all again.
/// </summary>
public interface IContentSection
{
    /// <summary>Resource key of the section's heading.</summary>
    string TitleKey { get; }

    /// <summary>Resource key of the first column: what a row was read from (a folder, a file).</summary>
    string SourceKey { get; }

    ContentSectionReport? Last { get; }

    Task SyncAsync(CancellationToken cancellationToken = default);
}

/// <summary>The courses, as a section of the content page.</summary>
public sealed class CourseContentSection(ContentSync sync, ContentSyncState state) : IContentSection
{
    public string TitleKey => "Content.Courses";

    public string SourceKey => "Content.Folder";

    public ContentSectionReport? Last => state.Last is { } report
        ? new(report.FinishedAtUtc, [.. report.Courses.Select(c => new ContentSectionRow(c.Folder, c.Slug, c.Outcome, c.Version))], report.Problems)
        : null;

    public Task SyncAsync(CancellationToken cancellationToken = default) => sync.SyncAsync(cancellationToken);
}
