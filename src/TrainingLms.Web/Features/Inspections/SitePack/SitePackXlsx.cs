namespace TrainingLms.Web.Features.Inspections.SitePack;

/// <summary>
/// The site pack's figures as one Excel sheet: the site and the month, then a line per row of every section, numbers as
/// numbers so they can be summed and charted (the same sections the PDF draws, <see cref="SitePackSections"/>).
/// </summary>
public sealed class SitePackXlsx(SitePackSections sections, IStringLocalizer<SharedResource> localizer)
{
    public byte[] Render(SitePackData pack)
    {
        var columns = sections.Columns;
        Dictionary<string, object?> Line(string section, string name, double? value = null, double? of = null, double? percent = null) =>
            new() { [columns[0]] = section, [columns[1]] = name, [columns[2]] = value, [columns[3]] = of, [columns[4]] = percent };

        List<Dictionary<string, object?>> rows =
        [
            Line(sections.Title, localizer["Field.Site"], null, null, null),
            Line(sections.Title, localizer["SitePack.Month"], null, null, null),
            .. sections.Build(pack).SelectMany(section => section.Rows.Count == 0 && section.Note is { } note
                ? [Line(section.Title, note)]
                : section.Rows.Select(row => Line(section.Title, row.Name, row.Value, row.Of, row.Percent))),
        ];
        // The site's name and the month sit in the value column as text, where a reader looks for them.
        rows[0][columns[2]] = pack.SiteName;
        rows[1][columns[2]] = pack.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return XlsxExport.Write(rows, "SitePack");
    }
}
