namespace TrainingLms.Web.Features.Inspections.Oversight;

/// <summary>
/// The oversight page's figures as one table for CSV and Excel: the period, the inspections held, each item, each ISO
/// week and the rectifications, a line each, in the same scope and filters as the page.
/// </summary>
public sealed class OversightExport(InspectionOversight oversight, IStringLocalizer<SharedResource> localizer)
{
    private static readonly string[] Columns =
        ["Inspections.Oversight.Export.Section", "Inspections.Oversight.Export.Name", "Inspections.Oversight.Export.Count",
         "Inspections.Verdict.Ok", "Inspections.Verdict.NotOk", "Inspections.Verdict.NotSeen", "Inspections.Oversight.PassRate"];

    public IReadOnlyList<string> Header() => [.. Columns.Select(L)];

    public async Task<List<Dictionary<string, object?>>> RowsAsync(InspectionViewer viewer, OversightFilter filter, CancellationToken cancellationToken = default)
    {
        var report = await oversight.ReportAsync(viewer, filter, cancellationToken);
        var totals = report.Totals;
        var period = string.Create(CultureInfo.InvariantCulture, $"{report.From:yyyy-MM-dd} – {report.To:yyyy-MM-dd}");
        return
        [
            Row("Inspections.Oversight.Export.Period", period, totals.Held, totals.Ok, totals.NotOk, totals.NotSeen, totals.PassRate),
            Row("Inspections.Oversight.Held", L("Inspections.Announced.Yes"), totals.Announced),
            Row("Inspections.Oversight.Held", L("Inspections.Announced.No"), totals.WalkBy),
            .. report.Items.Select(i => Row("Inspections.Oversight.Items", i.Name, null, i.Tally.Ok, i.Tally.NotOk, i.Tally.NotSeen, i.Tally.PassRate)),
            .. totals.Weeks.Select(w => Row("Inspections.Oversight.Weeks", w.Label, w.Inspections, w.Ok, w.NotOk, null, w.PassRate)),
            Row("Rectifications.Title", L("Inspections.Oversight.Rectifications.Raised"), report.Rectifications.Raised),
            Row("Rectifications.Title", L("Inspections.Oversight.Rectifications.Open"), report.Rectifications.Open),
            Row("Rectifications.Title", L("Inspections.Oversight.Rectifications.Overdue"), report.Rectifications.Overdue),
            Row("Rectifications.Title", L("Inspections.Oversight.Rectifications.Awaiting"), report.Rectifications.AwaitingVerification),
        ];
    }

    private Dictionary<string, object?> Row(string section, string name, int? count, int? ok = null, int? notOk = null, int? notSeen = null, double? passRate = null)
    {
        object?[] values = [L(section), name, count, ok, notOk, notSeen, passRate];
        return Columns.Zip(values).ToDictionary(pair => L(pair.First), pair => pair.Second);
    }

    private string L(string key) => localizer[key];
}
