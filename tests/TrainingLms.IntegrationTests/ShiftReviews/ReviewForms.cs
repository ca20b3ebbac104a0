using System.Net;
using System.Text.RegularExpressions;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.ShiftReviews;

/// <summary>Posts the review forms the way the phone does: the page's antiforgery token and submission key, then the fields.</summary>
public static partial class ReviewForms
{
    public sealed record FormPage(string Token, string SubmissionKey, string Html);

    public static async Task<FormPage> OpenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        var key = SubmissionKey().Match(html).Groups[1].Value;
        return new FormPage(token, key, html);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, string token, IEnumerable<(string Name, string Value)> fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token)).Append(new("_handler", formName))));

    /// <summary>Posts the filing form of <paramref name="team"/> with the token of <paramref name="form"/>.</summary>
    public static Task<HttpResponseMessage> SendReviewAsync(this HttpClient client, TeamSetUp team, FormPage form, IEnumerable<(string Name, string Value)> fields) =>
        PostAsync(client, $"/reviews/file/{team.TeamId}", "review", form.Token, fields);

    /// <summary>A routine review: one tag each way, a line of text, someone absent.</summary>
    public static IEnumerable<(string, string)> Routine(string submissionKey, DateOnly date, string shiftKey, params (string, string)[] more) =>
        new[]
        {
            ("submissionKey", submissionKey), ("shiftDate", date.ToString("yyyy-MM-dd")), ("shiftKey", shiftKey),
            ("wentWellPoints", "Smile"), ("wentWellPoints", "Greet"), ("wentWell", "主动问好，微笑自然"),
            ("fellShortPoints", "Rise"), ("fellShort", "前台来访时未起身"),
        }.Concat(more);

    public static int ReviewId(HttpResponseMessage response)
    {
        var match = ReviewPath().Match(response.RedirectPath() ?? "");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Not sent to a review: {(int)response.StatusCode} {response.RedirectPath()}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"submissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();

    [GeneratedRegex(@"^/reviews/(\d+)")]
    private static partial Regex ReviewPath();
}
