namespace TrainingLms.Web.Features.Content;

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
