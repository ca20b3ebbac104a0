using Microsoft.Extensions.Options;
using TrainingLms.Web.Infrastructure.Pdf;

namespace TrainingLms.Web.Tests.Infrastructure.Pdf;

public class PdfFontTests
{
    [Theory]
    [InlineData(70)]
    [InlineData(83)]
    [InlineData(101)]
    [InlineData(140)]
    public void Wrap_NeverStartsALineWithClosingPunctuation_NorEndsOneWithAnOpeningQuote(float width)
    {
        using var pdfFont = new PdfFont(Options.Create(new PdfOptions()));
        using var font = pdfFont.Font(10);
        const string text = "业主顺口反映问题：停下听完，记下房号和事情。不说“不知道”“我们不管”，办不了的说清交给谁（什么时候回复）。";

        var lines = PdfFont.Wrap(text, font, width).ToList();

        Assert.Equal(text, string.Concat(lines));
        Assert.All(lines, line => Assert.DoesNotContain(line[0], "。，、；：”）"));
        Assert.All(lines, line => Assert.DoesNotContain(line[^1], "“（"));
    }
}
