using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Infrastructure.Hosting;

public class PublicAddressOptions
{
    public const string SectionName = "PublicAddress";

    /// <summary>
    /// The address people reach the LMS at (e.g. https://lms.example.com), for links that leave the screen: QR codes
    /// on feedback cards and certificates, printed links. Empty: the address the request came on — behind the README's
    /// nginx that is the public https address, behind another proxy it may be an internal one, so set it there.
    /// </summary>
    [Url]
    public string? BaseUrl { get; set; }
}

/// <summary>Absolute links to the LMS that are printed or put in QR codes.</summary>
public sealed class PublicAddress(IOptions<PublicAddressOptions> options)
{
    public string For(HttpRequest request, string path)
    {
        var baseUrl = options.Value.BaseUrl is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}";
        return baseUrl.TrimEnd('/') + path;
    }
}
