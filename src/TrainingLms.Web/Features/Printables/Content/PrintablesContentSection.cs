using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Printables.Content;

/// <summary>The printables on the administrator's content page: what the folder holds now and its problems by file and line.</summary>
public sealed class PrintablesContentSection(PrintableLibrary library, PrintablesSyncState state, TimeProvider clock, ILogger<PrintablesContentSection> logger) : IContentSection
{
    public string TitleKey => "Printables.Content.Title";

    public string SourceKey => "Content.File";

    public ContentSectionReport? Last => state.Last;

    public Task SyncAsync(CancellationToken cancellationToken = default)
    {
        var set = library.Current();
        foreach (var problem in set.Problems) logger.LogWarning("Content problem in {Folder}: {Problem}", PrintableLibrary.Folder, problem.ToString());
        state.Last = new ContentSectionReport(clock.GetUtcNow().UtcDateTime, set.Rows, set.Problems);
        return Task.CompletedTask;
    }
}

/// <summary>The last report of the printables section, kept for the content page.</summary>
public sealed class PrintablesSyncState
{
    public ContentSectionReport? Last { get; set; }
}
