using System.IO.Compression;
using System.Text;
using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Courses.Content;
using YamlDotNet.Serialization;
using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses;

/// <summary>Writes a stored revision back in the content/ format, so that an edit made in the browser can be committed.</summary>
public static class CourseExport
{
    private static readonly ISerializer Yaml = new SerializerBuilder().ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull).Build();

    /// <summary>
    /// The course as a folder named <paramref name="folderName"/>, with the pictures of <paramref name="sourceFolder"/>
    /// (the lessons may show them), so that unzipping it over content/courses and committing it reproduces the revision.
    /// </summary>
    public static byte[] Zip(string slug, CourseRevision revision, string folderName, string sourceFolder)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, $"{folderName}/{CourseFolderParser.CourseFile}", WithFrontMatter(CourseFrontMatter(slug, revision), revision.Introduction.Zh));
            if (!string.IsNullOrWhiteSpace(revision.Introduction.En)) Add(zip, $"{folderName}/{CourseFolderParser.EnglishCourseFile}", revision.Introduction.En + "\n");
            foreach (var lesson in revision.Lessons.OrderBy(l => l.Order))
            {
                Add(zip, $"{folderName}/{lesson.Key}.md", LessonFile(lesson.Title, lesson.Minutes, lesson.BodyZh));
                if (lesson.BodyEn is not null) Add(zip, $"{folderName}/{lesson.Key}.en.md", lesson.BodyEn);
            }
            foreach (var picture in Pictures(sourceFolder))
                zip.CreateEntryFromFile(Path.Combine(sourceFolder, picture), $"{folderName}/{picture}");
        }
        return buffer.ToArray();
    }

    private static IEnumerable<string> Pictures(string folder) =>
        !Directory.Exists(folder) ? []
        : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
            .Where(relative => ContentMarkdown.PicturePath(relative) is not null)
            .Order(StringComparer.Ordinal);

    /// <summary>A lesson's Chinese file: front matter and body.</summary>
    public static string LessonFile(LocalizedText title, int? minutes, string body) =>
        WithFrontMatter(new Dictionary<string, object?> { ["title"] = Localized(title), ["minutes"] = minutes }, body);

    private static Dictionary<string, object?> CourseFrontMatter(string slug, CourseRevision revision) => new()
    {
        ["slug"] = slug,
        ["version"] = revision.Version,
        ["title"] = Localized(revision.Title),
        ["summary"] = Localized(revision.Summary),
        ["audience"] = revision.Audience.Select(rule => new Dictionary<string, object?>
        {
            ["everyone"] = rule.Everyone ? true : null,
            ["roles"] = rule.Roles.Count > 0 ? rule.Roles : null,
            ["linesOfWork"] = rule.LinesOfWork.Count > 0 ? rule.LinesOfWork.Select(l => l.ToString()).ToList() : null,
            ["customerFacing"] = rule.CustomerFacingOnly ? true : null,
        }).ToList(),
        ["clearance"] = revision.CountsTowardClearance,
        ["dueDays"] = revision.DueDays,
        ["estimatedMinutes"] = revision.EstimatedMinutes,
    };

    private static Dictionary<string, string> Localized(LocalizedText text) => new() { ["zh-CN"] = text.Zh, ["en"] = text.En };

    private static string WithFrontMatter(object frontMatter, string body) => $"---\n{Yaml.Serialize(frontMatter)}---\n{body.TrimEnd()}\n";

    private static void Add(ZipArchive zip, string path, string text)
    {
        using var stream = zip.CreateEntry(path).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
