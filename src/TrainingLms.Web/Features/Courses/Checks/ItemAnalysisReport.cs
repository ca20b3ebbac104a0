using TrainingLms.Domain.Courses;

namespace TrainingLms.Web.Features.Courses.Checks;

public sealed record AnalysisSite(int Id, string Name);

/// <summary>A course's item analysis at one version, optionally for one site's learners.</summary>
public sealed record ItemAnalysisView(
    string Slug, LocalizedText Title, int Version, IReadOnlyList<int> Versions, int? SiteId, IReadOnlyList<AnalysisSite> Sites,
    IReadOnlyDictionary<string, LocalizedText> CheckTitles, int Attempts, IReadOnlyList<ItemStatistics> Items);

/// <summary>Reads the finished attempts of a course's checks and hands them to <see cref="ItemAnalysis"/>; also its exports.</summary>
public sealed class ItemAnalysisReport(IDbContextFactory<LmsDbContext> dbFactory)
{
    public async Task<ItemAnalysisView?> AnalyseAsync(string slug, int? version, int? siteId, StaffFilter? staff = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var course = await db.Courses.AsNoTracking().Where(c => c.Slug == slug && c.CurrentRevisionId != null)
            .Select(c => new { c.Id, c.CurrentRevision!.Title, c.CurrentRevision.Version }).SingleOrDefaultAsync(cancellationToken);
        if (course is null) return null;
        var versions = await db.CourseRevisions.Where(r => r.CourseId == course.Id).Select(r => r.Version).Distinct().OrderByDescending(v => v).ToListAsync(cancellationToken);
        var chosen = version is { } v && versions.Contains(v) ? v : course.Version;
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name).Select(s => new AnalysisSite(s.Id, s.Name)).ToListAsync(cancellationToken);
        var site = siteId is { } id && sites.Any(s => s.Id == id) ? siteId : null;

        var attempts = db.QuizAttempts.AsNoTracking()
            .Where(a => a.CourseId == course.Id && a.CourseVersion == chosen && a.FinishedAtUtc != null && a.LessonRevisionId != null);
        if (site is not null) attempts = attempts.Where(a => db.Users.Any(p => p.Id == a.PersonId && p.SiteId == site));
        if (staff is not null)
        {
            var learners = await staff.ApplyAsync(db, db.Users, cancellationToken);
            attempts = attempts.Where(a => learners.Any(p => p.Id == a.PersonId));
        }
        var rows = await attempts.Select(a => new { a.PersonId, a.LessonKey, a.LessonRevisionId, a.Shown, a.Answers, a.ScorePercent }).ToListAsync(cancellationToken);
        var revisionIds = rows.Select(r => r.LessonRevisionId!.Value).Distinct().ToList();
        var lessons = await db.LessonRevisions.AsNoTracking().Where(l => revisionIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Key, l.Title, l.Quiz }).ToDictionaryAsync(l => l.Id, cancellationToken);

        var analysed = rows.Where(r => lessons[r.LessonRevisionId!.Value].Quiz is not null)
            .Select(r => new AnalysedAttempt(r.PersonId, r.LessonKey, lessons[r.LessonRevisionId!.Value].Quiz!, r.Shown,
                r.Answers.Select(a => (IReadOnlyCollection<int>)a).ToList(), r.ScorePercent));
        var titles = lessons.Values.GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Id).Last().Title);
        return new ItemAnalysisView(slug, course.Title, chosen, versions, site, sites, titles, rows.Count, ItemAnalysis.Analyse(analysed));
    }

    public static IReadOnlyList<string> Header { get; } =
        ["check", "question", "prompt", "answers", "right", "share_right", "common_wrong_option", "common_wrong_count", "discrimination", "flag"];

    /// <summary>The table as export rows, in the page's language.</summary>
    public static IEnumerable<Dictionary<string, object?>> Rows(ItemAnalysisView view) => view.Items.Select(item => new Dictionary<string, object?>
    {
        ["check"] = view.CheckTitles.TryGetValue(item.LessonKey, out var title) ? $"{item.LessonKey} {title.Current}" : item.LessonKey,
        ["question"] = item.QuestionKey,
        ["prompt"] = item.Prompt.Current,
        ["answers"] = item.Answers,
        ["right"] = item.Right,
        ["share_right"] = Math.Round(item.ShareRight, 3),
        ["common_wrong_option"] = item.CommonWrongOption?.Current,
        ["common_wrong_count"] = item.CommonWrongCount,
        ["discrimination"] = item.Discrimination is { } d ? Math.Round(d, 3).ToString(CultureInfo.InvariantCulture) : null,
        ["flag"] = item.Flag == ItemFlag.None ? null : item.Flag.ToString(),
    });
}
