namespace TrainingLms.Web.Features.Drills.Records;

public class RecordChainOptions
{
    public const string SectionName = "RecordChain";

    /// <summary>The file holding the chain's secret; empty means record-chain.key in the data folder.</summary>
    public string KeyPath { get; set; } = "";
}
