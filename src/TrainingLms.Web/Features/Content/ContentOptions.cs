using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Features.Content;

public class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>The content folder (with courses/ inside); relative paths start at the app's content root (src/TrainingLms.Web).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "../../content";

    public string ResolvePath(string contentRoot) => System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, Path));
}
