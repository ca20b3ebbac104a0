using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Infrastructure.Pdf;

/// <summary>The font every PDF the LMS writes (certificates, pocket cards, wall charts) is set in.</summary>
public class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>A font with Chinese glyphs; Debian's fonts-noto-cjk puts this collection here.</summary>
    [Required(AllowEmptyStrings = false)]
    public string FontPath { get; set; } = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    /// <summary>The face in the collection: Simplified Chinese glyph forms.</summary>
    [Required(AllowEmptyStrings = false)]
    public string FontFamily { get; set; } = "Noto Sans CJK SC";
}
