using TrainingLms.Domain.Courses;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses.Content;

namespace TrainingLms.BrowserTests.Infrastructure;

/// <summary>The repository's content/ as the demo app reads it, so a test knows what a page must show.</summary>
public static class RepositoryContent
{
    /// <summary>The course in content/courses/<paramref name="slug"/>, which must parse without a problem.</summary>
    public static CourseRevision Course(string slug)
    {
        var content = Path.Combine(BrowserFixture.RepositoryRoot(), "content");
        var problems = new List<ContentProblem>();
        var course = CourseFolderParser.Parse(Path.Combine(content, "courses", slug), content, problems);
        Assert.Empty(problems);
        return course!.Revision;
    }
}
