using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Inspections;

/// <summary>Opens and posts the inspection and rectification forms the way the phone does (multipart, with the page's token and keys).</summary>
public static partial class InspectionForms
{
    public sealed record FormPage(string Path, string Token, string SubmissionKey, string FormRevisionId, string PersonId, IReadOnlyList<string> ItemKeys, string Html);

    public sealed record Photo(string ItemKey, string FileName, byte[] Bytes, string ContentType = "image/jpeg");

    public static async Task<FormPage> OpenAsync(HttpClient client, int teamId, string? personId = null)
    {
        var path = $"/inspections/new?team={teamId}" + (personId is null ? "" : $"&person={Uri.EscapeDataString(personId)}");
        var html = await client.GetStringAsync(path);
        return new FormPage(path, Token(html), SubmissionKey().Match(html).Groups[1].Value, FormRevision().Match(html).Groups[1].Value, WebUtility.HtmlDecode(PersonField().Match(html).Groups[1].Value),
            [.. ItemKey().Matches(html).Select(m => m.Groups[1].Value)], html);
    }

    /// <summary>Every item OK except those named, which are not OK.</summary>
    public static List<(string, string)> Verdicts(FormPage form, params string[] notOk) =>
    [
        ("submissionKey", form.SubmissionKey), ("formRevisionId", form.FormRevisionId), ("personId", form.PersonId),
        .. form.ItemKeys.Select(key => ($"verdict.{key}", notOk.Contains(key) ? "NotOk" : "Ok")),
        .. notOk.Select(key => ($"note.{key}", $"{key}：不合格，现场已指出")),
    ];

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, FormPage form, IEnumerable<(string Name, string Value)> fields, params Photo[] photos) =>
        PostAsync(client, form.Path, "inspection", form.Token, fields, photos.Select(p => ($"photo.{p.ItemKey}", p)));

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, string formName, string token, IEnumerable<(string Name, string Value)> fields, IEnumerable<(string Field, Photo Photo)>? files = null)
    {
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
        multipart.Add(new StringContent(token), "__RequestVerificationToken");
        multipart.Add(new StringContent(formName), "_handler");
        foreach (var (field, photo) in files ?? [])
        {
            var content = new ByteArrayContent(photo.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(photo.ContentType);
            multipart.Add(content, field, photo.FileName);
        }
        return await client.PostAsync(path, multipart);
    }

    /// <summary>Posts one of a rectification page's forms (close, verify, reopen).</summary>
    public static async Task<HttpResponseMessage> RectificationAsync(HttpClient client, int id, string formName, IEnumerable<(string Name, string Value)> fields, Photo? photo = null)
    {
        var path = $"/rectifications/{id}";
        // The forms are on the page for anyone who may open it, even when refused, so a refused post reaches the service.
        var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
        return await PostAsync(client, path, formName, Token(html), fields, photo is null ? null : [("photo", photo)]);
    }

    public static int InspectionId(HttpResponseMessage response)
    {
        var match = InspectionPath().Match(response.RedirectPath() ?? "");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Not sent to an inspection: {(int)response.StatusCode} {response.RedirectPath()}");
    }

    public static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"submissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();

    [GeneratedRegex("name=\"formRevisionId\" value=\"(\\d+)\"")]
    private static partial Regex FormRevision();

    [GeneratedRegex("name=\"personId\" value=\"([^\"]*)\"")]
    private static partial Regex PersonField();

    [GeneratedRegex("data-item=\"([a-z0-9-]+)\"")]
    private static partial Regex ItemKey();

    [GeneratedRegex(@"^/inspections/(\d+)")]
    private static partial Regex InspectionPath();
}
