namespace TrainingLms.Web.Features.Drills.Records;

public class RecordChainOptions
{
    public const string SectionName = "RecordChain";

    /// <summary>The file holding the chain's secret; empty means record-chain.key in the data folder.</summary>
    public string KeyPath { get; set; } = "";

    /// <summary>How long the pages name the chain's state from the last check before checking it again (see <see cref="RecordChainMonitor"/>).</summary>
    public TimeSpan RecheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}
