using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.ShiftReviews;

namespace TrainingLms.IntegrationTests.TrainingRecords;

/// <summary>Opens and posts the training record forms the way the phone does: the page's token and submission key, then the fields.</summary>
public static partial class TrainingForms
{
    public sealed record FormPage(string Token, string SubmissionKey, string Html)
    {
        /// <summary>The first course lesson the topic picker offers.</summary>
        public string FirstLesson => LessonOption().Match(Html) is { Success: true } match ? match.Groups[1].Value
            : throw new InvalidOperationException("The form offers no lesson.");
    }

    public static async Task<FormPage> OpenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return new FormPage(WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value), SubmissionKey().Match(html).Groups[1].Value, html);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, string token, IEnumerable<(string Name, string Value)> fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token)).Append(new("_handler", formName))));

    public static Task<HttpResponseMessage> RecordAsync(HttpClient client, FormPage form, IEnumerable<(string Name, string Value)> fields) =>
        PostAsync(client, "/training-records/new", "training", form.Token, fields);

    /// <summary>A routine training: today, the daily shift, a topic in words, fifteen minutes, the given attendees.</summary>
    /// <remarks>A field in <paramref name="more"/> replaces the routine's field of that name.</remarks>
    public static List<(string, string)> Routine(string submissionKey, int teamId, DateOnly date, IEnumerable<string> attendees, params (string Name, string Value)[] more) =>
    [
        .. new (string Name, string Value)[]
        {
            ("submissionKey", submissionKey), ("teamId", teamId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("trainedOn", date.ToString("yyyy-MM-dd")), ("shiftKey", "day"), ("lesson", ""), ("topic", "见面微笑问好起身"), ("minutes", "15"), ("clip", ""),
        }.Where(f => more.All(m => m.Name != f.Name)),
        .. attendees.Select(id => ("attendees", id)), .. more,
    ];

    /// <summary>Posts one of the record page's buttons (countersign, return, correct).</summary>
    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, int recordId, string formName, params (string, string)[] fields)
    {
        var page = await OpenAsync(client, $"/training-records/{recordId}");
        return await PostAsync(client, $"/training-records/{recordId}", formName, page.Token, fields);
    }

    public static int RecordId(HttpResponseMessage response)
    {
        var match = RecordPath().Match(response.RedirectPath() ?? "");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Not sent to a record: {(int)response.StatusCode} {response.RedirectPath()}");
    }

    /// <summary>A manager (of a site, or of none) or a trainer, signed in.</summary>
    public static async Task<HttpClient> OverseerAsync(this ShiftReviewsFactory factory, string number, string role, int? siteId)
    {
        var id = await factory.CreatePersonAsync(number, [Roles.Employee, role]);
        if (siteId is not null) await factory.WithDbAsync(db => db.Users.Where(p => p.Id == id).ExecuteUpdateAsync(p => p.SetProperty(x => x.SiteId, siteId)));
        return await factory.SignedInAsync(number);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"submissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();

    [GeneratedRegex("<option value=\"(\\d+:[^\"]+)\"")]
    private static partial Regex LessonOption();

    [GeneratedRegex(@"^/training-records/(\d+)")]
    private static partial Regex RecordPath();
}
