namespace TrainingLms.Web.Features.Demo;

public class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seeds a demo company on an empty database. Off unless the run command turns it on.</summary>
    public bool Enabled { get; set; }

    public string Password { get; set; } = "smile2026";

    /// <summary>Also make the demo's clips with ffmpeg at first start (tests of the rest of the demo leave them out).</summary>
    public bool Clips { get; set; } = true;
}
