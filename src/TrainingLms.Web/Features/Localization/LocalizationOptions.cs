namespace TrainingLms.Web.Features.Localization;

public class LmsLocalizationOptions
{
    public const string SectionName = "Localization";
    public const string Chinese = "zh-CN";
    public const string English = "en-US";
    public static readonly string[] Supported = [Chinese, English];

    public string DefaultCulture { get; set; } = Chinese;
}
