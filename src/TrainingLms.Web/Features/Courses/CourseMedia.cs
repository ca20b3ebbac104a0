namespace TrainingLms.Web.Features.Courses;

/// <summary>Addresses of pictures kept in a course folder.</summary>
public static class CourseMedia
{
    public const string PathPrefix = "/learning/media/";

    public static string UrlFor(string courseSlug, string relativePath) =>
        PathPrefix + Uri.EscapeDataString(courseSlug) + "/" + string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString));
}
