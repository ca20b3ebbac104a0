using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using TrainingLms.Web.Features.Courses.Checks;
using TrainingLms.Web.Features.Courses.Components;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses;

public static class CourseEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(CourseMedia.PathPrefix + "{slug}/{**path}", GetPicture).RequireAuthorization(Policies.SignedIn);

        var authoring = app.MapGroup("/courses/manage").RequireAuthorization(Policies.Trainer);
        authoring.MapGet("/{slug}/export.zip", Export);
        authoring.MapPost("/preview", Preview);
        authoring.MapGet("/{slug}/analysis.csv", AnalysisCsv);
        authoring.MapGet("/{slug}/analysis.xlsx", AnalysisXlsx);
    }

    // The filters come as text, as on the page: a value that does not parse is ignored, not a 400.
    internal static async Task<Results<FileContentHttpResult, NotFound>> AnalysisCsv(string slug, string? version, string? site, string? contractor, ItemAnalysisReport report) =>
        await report.AnalyseAsync(slug, QueryValue.Int(version), QueryValue.Int(site), StaffFilter.Parse(contractor)) is { } view
            ? TypedResults.File(CsvExport.Write(ItemAnalysisReport.Rows(view), ItemAnalysisReport.Header), "text/csv; charset=utf-8", $"{slug}-v{view.Version}-items.csv")
            : TypedResults.NotFound();

    internal static async Task<Results<FileContentHttpResult, NotFound>> AnalysisXlsx(string slug, string? version, string? site, string? contractor, ItemAnalysisReport report) =>
        await report.AnalyseAsync(slug, QueryValue.Int(version), QueryValue.Int(site), StaffFilter.Parse(contractor)) is { } view
            ? TypedResults.File(XlsxExport.Write(ItemAnalysisReport.Rows(view), "Items"), XlsxExport.ContentType, $"{slug}-v{view.Version}-items.xlsx")
            : TypedResults.NotFound();

    /// <summary>A picture from a course folder; nothing outside the folder and nothing but pictures.</summary>
    internal static async Task<Results<PhysicalFileHttpResult, NotFound>> GetPicture(string slug, string path, IDbContextFactory<LmsDbContext> dbFactory, CourseSync sync)
    {
        if (ContentMarkdown.PicturePath(path) is not { } relative) return TypedResults.NotFound();
        await using var db = await dbFactory.CreateDbContextAsync();
        var folder = await db.Courses.Where(c => c.Slug == slug && c.IsActive).Select(c => c.SourceFolder).SingleOrDefaultAsync();
        if (folder is null) return TypedResults.NotFound();
        var courseFolder = Path.GetFullPath(Path.Combine(sync.ContentPath, "courses", folder));
        var file = Path.GetFullPath(Path.Combine(courseFolder, relative));
        if (!file.StartsWith(courseFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file)) return TypedResults.NotFound();
        ContentTypes.TryGetContentType(file, out var contentType);
        return TypedResults.PhysicalFile(file, contentType ?? "application/octet-stream", enableRangeProcessing: true);
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> Export(string slug, IDbContextFactory<LmsDbContext> dbFactory, CourseSync sync)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var course = await db.Courses.Where(c => c.Slug == slug && c.CurrentRevisionId != null)
            .Select(c => new { RevisionId = c.CurrentRevisionId!.Value, Folder = c.SourceFolder ?? c.Slug }).SingleOrDefaultAsync();
        if (course is null) return TypedResults.NotFound();
        var revision = await db.CourseRevisions.AsNoTracking().Include(r => r.Lessons).SingleAsync(r => r.Id == course.RevisionId);
        var zip = CourseExport.Zip(slug, revision, course.Folder, Path.Combine(sync.ContentPath, "courses", course.Folder));
        return TypedResults.File(zip, "application/zip", $"{course.Folder}-v{revision.Version}.zip");
    }

    /// <summary>
    /// The author's live preview: the very component learners see the lesson through, on the text being edited, with
    /// the knowledge check it holds (or the problems that would refuse the save). <paramref name="language"/> is "en"
    /// for the English text, which may not hold a quiz.
    /// </summary>
    internal static async Task<RazorComponentResult<LessonPreview>> Preview([FromForm] string markdown, [FromForm] string slug, [FromForm] string? language, CourseAdministration courses) =>
        new(new Dictionary<string, object?>
        {
            [nameof(LessonPreview.Markdown)] = markdown,
            [nameof(LessonPreview.CourseSlug)] = slug,
            [nameof(LessonPreview.CourseFolder)] = await courses.CourseFolderAsync(slug),
            [nameof(LessonPreview.QuizAllowed)] = language != "en",
        });
}
