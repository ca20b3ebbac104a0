using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses.Content;

namespace TrainingLms.Web.Features.Courses;

/// <summary>The players for the clip blocks of a lesson or a course introduction, from the clip library.</summary>
public sealed class LessonClips(ContentRenderer renderer, ClipQueries clips, WatchTracking watching)
{
    /// <summary>The share of a required clip's unique seconds that counts as watched.</summary>
    public double RequiredShare => watching.RequiredShare;

    public Task<IReadOnlyDictionary<string, PlayerModel>> PlayersAsync(ClaimsPrincipal user, string markdown, string courseSlug, CancellationToken cancellationToken = default)
    {
        // The same call the page's body makes: the second one is answered from the renderer's cache.
        var slugs = renderer.Render(markdown, CourseMedia.Of(courseSlug)).OfType<ClipPart>().Select(c => c.Slug).Distinct().ToList();
        return clips.PlayersForAsync(user, slugs, cancellationToken);
    }
}
