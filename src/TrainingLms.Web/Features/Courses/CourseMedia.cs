using TrainingLms.Web.Features.Content;

namespace TrainingLms.Web.Features.Courses;

/// <summary>Addresses of pictures kept in a course folder.</summary>
public static class CourseMedia
{
    public const string PathPrefix = "/learning/media/";

    public static PictureFolder Of(string courseSlug) => new(PathPrefix, courseSlug);
}
