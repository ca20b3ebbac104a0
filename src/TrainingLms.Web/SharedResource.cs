namespace TrainingLms.Web;

/// <summary>Marker for the one set of UI strings: Resources/SharedResource(.zh-CN).resx.</summary>
public sealed class SharedResource;
