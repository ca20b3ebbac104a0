using TrainingLms.Web.Infrastructure;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingLms.Domain.Clips;
using TrainingLms.Web.Features.Clips;

namespace TrainingLms.IntegrationTests.Clips;

public sealed record UploadOutcome(HttpStatusCode Status, int? ClipId, string Body, Guid? UploadId);

/// <summary>Drives the chunked upload API the way the upload page's script does: token header, start, chunks, complete.</summary>
public static partial class ClipApi
{
    public const string TokenHeader = "RequestVerificationToken";

    public static string NewSlug() => "clip-" + Guid.NewGuid().ToString("N")[..10];

    public static StartUploadRequest Details(string slug, ClipKind kind = ClipKind.TrainingDv, string fileName = "", long totalBytes = 0, int? siteId = null) =>
        new(fileName, totalBytes, slug, "测试视频 " + slug, "", kind, siteId, null);

    /// <summary>A page's antiforgery token, sent in a header by the app's scripts.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page = "/clips/upload")
    {
        var html = await client.GetStringAsync(page);
        return WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add(TokenHeader, token);
        return await client.SendAsync(request);
    }

    public static HttpContent Json<T>(T value) => JsonContent.Create(value);

    public static HttpContent Bytes(ReadOnlySpan<byte> bytes)
    {
        var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    public static async Task<UploadStateResponse> StartAsync(HttpClient client, string token, StartUploadRequest request)
    {
        var response = await SendAsync(client, HttpMethod.Post, "/api/clips/uploads", token, Json(request));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UploadStateResponse>())!;
    }

    /// <summary>Start, every chunk in order, complete: the status of the completion and the new clip's id.</summary>
    public static async Task<UploadOutcome> UploadAsync(HttpClient client, string file, StartUploadRequest details)
    {
        var token = await TokenAsync(client);
        var bytes = await File.ReadAllBytesAsync(file);
        var start = await SendAsync(client, HttpMethod.Post, "/api/clips/uploads", token, Json(details with { FileName = Path.GetFileName(file), TotalBytes = bytes.Length }));
        if (start.StatusCode != HttpStatusCode.Created) return new(start.StatusCode, null, await start.Content.ReadAsStringAsync(), null);
        var state = (await start.Content.ReadFromJsonAsync<UploadStateResponse>())!;
        for (var offset = 0L; offset < bytes.Length; offset += state.ChunkBytes)
        {
            var length = (int)Math.Min(state.ChunkBytes, bytes.Length - offset);
            var put = await SendAsync(client, HttpMethod.Put, $"/api/clips/uploads/{state.Id}?offset={offset}", token, Bytes(bytes.AsSpan((int)offset, length)));
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        var complete = await SendAsync(client, HttpMethod.Post, $"/api/clips/uploads/{state.Id}/complete", token);
        var body = await complete.Content.ReadAsStringAsync();
        int? clipId = complete.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(body).RootElement.GetProperty("clipId").GetInt32() : null;
        return new(complete.StatusCode, clipId, body, state.Id);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
