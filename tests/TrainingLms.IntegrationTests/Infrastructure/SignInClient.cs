using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>Drives the statically rendered forms over HTTP the way a browser does: antiforgery token, form name, cookies.</summary>
public static partial class SignInClient
{
    public static HttpClient CreateSessionClient(this LmsFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = factory.ClientOptions.BaseAddress });

    /// <summary>A browser-like client of a real server: it keeps cookies and does not follow redirects.</summary>
    public static HttpClient CookieClient(string baseUrl) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };

    /// <summary>A client signed in as the administrator every factory starts with.</summary>
    public static async Task<HttpClient> AdministratorClientAsync(this LmsFactory factory)
    {
        var client = factory.CreateSessionClient();
        await client.SignInAsync(LmsFactory.AdministratorNumber);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string identifier, string password = LmsFactory.Password) =>
        await client.PostFormAsync("/account/signin", "signin", new() { ["Input.Identifier"] = identifier, ["Input.Password"] = password });

    /// <summary>
    /// GETs the page for its antiforgery token, then posts the named form back to it (or to <paramref name="action"/>
    /// for a plain form such as the language switcher, which has no Blazor form name).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string formName, Dictionary<string, string> fields, HttpContent? file = null, string? action = null)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {path}");
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        if (formName.Length > 0) values["_handler"] = formName;
        if (file is null) return await client.PostAsync(action ?? path, new FormUrlEncodedContent(values));
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in values) multipart.Add(new StringContent(value), name);
        multipart.Add(file, "file", "people.csv");
        return await client.PostAsync(action ?? path, multipart);
    }

    /// <summary>Posts a form whose fields may repeat (a group of checkboxes), after fetching the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string path, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {path}");
        var values = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))).Append(new("_handler", formName));
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>The path (and query) a redirect points to, whether the Location header is absolute or relative.</summary>
    public static string? RedirectPath(this HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery
        : location.OriginalString;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
