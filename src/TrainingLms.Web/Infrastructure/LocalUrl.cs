using System.Text;

namespace TrainingLms.Web.Infrastructure;

public static class LocalUrl
{
    /// <summary>
    /// Only paths on this site are followed after a form, so a link cannot bounce a person elsewhere. A control
    /// character sends the person home: browsers drop tabs and line breaks from a Location, so "/\t/evil.example" would
    /// become "//evil.example". Spaces and non-ASCII characters (a U+3000 space, a Chinese search term) are
    /// percent-encoded, because a response header may carry ASCII only.
    /// </summary>
    public static string OrHome(string? url)
    {
        if (url is not { Length: > 0 } || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\') || url.Any(char.IsControl)) return "/";
        if (url.All(c => c is > ' ' and < '\u007f')) return url;
        var encoded = new StringBuilder(url.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(url))
            encoded.Append(b is > (byte)' ' and < 0x7f ? ((char)b).ToString() : $"%{b:X2}");
        return encoded.ToString();
    }
}
