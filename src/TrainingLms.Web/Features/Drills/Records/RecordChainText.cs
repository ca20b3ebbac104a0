using TrainingLms.Domain.Drills;

namespace TrainingLms.Web.Features.Drills.Records;

/// <summary>A break of the record chain in words, for the clearance board and the verify command alike.</summary>
public static class RecordChainText
{
    public static string Describe(IStringLocalizer localizer, ChainBreak chainBreak) =>
        localizer[$"Drills.Chain.Reason.{chainBreak.Reason}", chainBreak.Sequence ?? 0, Record(localizer, chainBreak.Kind, chainBreak.RecordKey)];

    public static string Record(IStringLocalizer localizer, ChainedRecordKind kind, string key) =>
        kind == ChainedRecordKind.Annulment && key.StartsWith(RecordChainVerifier.AnnulmentMarkPrefix, StringComparison.Ordinal)
            ? localizer["Drills.Chain.Record.AnnulmentMark", key[RecordChainVerifier.AnnulmentMarkPrefix.Length..]]
            : localizer[$"Drills.Chain.Record.{kind}", key];
}
