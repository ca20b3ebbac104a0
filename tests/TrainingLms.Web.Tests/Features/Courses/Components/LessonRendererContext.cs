using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Web.Features.Courses.Content;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses;

namespace TrainingLms.Web.Tests.Features.Courses.Components;

/// <summary>A localized bUnit context with the app's lesson renderer, for the components that show lessons.</summary>
public abstract class LessonRendererContext : LocalizedContext
{
    protected LessonRendererContext()
    {
        Services.AddSingleton<IContentBlock, ClipBlock>();
        Services.AddSingleton<ContentRenderer>();
    }
}
