using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TrainingLms.Domain;
using TrainingLms.Domain.Clips;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.Inspections;

namespace TrainingLms.IntegrationTests.FootageSessions;

/// <summary>The app for footage-session tests: sites, posts and managers as for inspections, and clip rows written straight in (no video is needed).</summary>
public sealed class FootageFactory : InspectionsFactory
{
    /// <summary>A ready clip of <paramref name="seconds"/> (its rendition named, no file: no test plays it), uploaded by the administrator every factory starts with.</summary>
    public async Task<int> InsertClipAsync(string slug, ClipKind kind, double seconds, bool published, int? siteId = null)
    {
        var uploader = (await FindPersonAsync(AdministratorNumber))!.Id;
        return await WithDbAsync(async db =>
        {
            var clip = new Clip
            {
                Slug = slug, Title = "标杆录像 " + slug, Kind = kind, SiteId = siteId, Status = ClipStatus.Ready, IsPublished = published,
                OriginalFileName = slug + ".mp4", OriginalExtension = ".mp4", Source = new VideoFacts(1280, 720, 1, 0, false, seconds, true),
                DurationSeconds = seconds, DisplayWidth = 1280, DisplayHeight = 720, Renditions = [new ClipRendition(1280, 720, 1_000_000)],
                UploadedById = uploader, UploadedAtUtc = DateTime.UtcNow,
            };
            db.Clips.Add(clip);
            await db.SaveChangesAsync();
            return clip.Id;
        });
    }

    public DateOnly Today => SiteTime.Today(Clock.UtcNow, SiteTime.DefaultTimeZoneId);
}

/// <summary>Opens and posts the footage-session forms the way the phone does: the page's token and submission key, then the fields.</summary>
public static partial class FootageForms
{
    public sealed record FormPage(string Token, string SubmissionKey, string Html);

    public static async Task<FormPage> OpenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return new FormPage(WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value), SubmissionKey().Match(html).Groups[1].Value, html);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, string token, IEnumerable<(string Name, string Value)> fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token)).Append(new("_handler", formName))));

    public static Task<HttpResponseMessage> RecordAsync(HttpClient client, FormPage form, IEnumerable<(string Name, string Value)> fields) =>
        PostAsync(client, "/footage-sessions/new", "footage", form.Token, fields);

    /// <summary>One fault row: the moment, what, why, the correction, its owner and due day.</summary>
    public static (string, string)[] Fault(int row, string moment, string owner, DateOnly dueOn, string description = "岗亭保安未起身问好", string causes = "班前未演练起身问好") =>
    [
        ($"fault{row}.moment", moment), ($"fault{row}.description", description), ($"fault{row}.causes", causes),
        ($"fault{row}.correction", "每日班前演练起身问好"), ($"fault{row}.owner", owner), ($"fault{row}.dueOn", Day(dueOn)),
    ];

    /// <summary>A session held today about the clip, the attendees ticked, and the faults given.</summary>
    public static List<(string, string)> Session(string submissionKey, int teamId, DateOnly heldOn, int clipId, IEnumerable<string> attendees, params (string, string)[][] faults) =>
    [
        ("submissionKey", submissionKey), ("teamId", teamId.ToString(CultureInfo.InvariantCulture)), ("heldOn", Day(heldOn)),
        ("clip", clipId.ToString(CultureInfo.InvariantCulture)), .. attendees.Select(id => ("attendees", id)), .. faults.SelectMany(f => f),
    ];

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Posts one of an action page's forms (close, verify, reopen).</summary>
    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, int sessionId, int actionId, string formName, params (string, string)[] fields)
    {
        var path = $"/footage-sessions/{sessionId}/actions/{actionId}";
        var page = await OpenAsync(client, path);
        return await PostAsync(client, path, formName, page.Token, fields);
    }

    public static int SessionId(HttpResponseMessage response)
    {
        var match = SessionPath().Match(response.RedirectPath() ?? "");
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Not sent to a session: {(int)response.StatusCode} {response.RedirectPath()}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"submissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();

    [GeneratedRegex(@"^/footage-sessions/(\d+)")]
    private static partial Regex SessionPath();
}
