using System.Net.Http.Headers;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.People;

/// <summary>The administrator's import page, driven as a browser posts it.</summary>
public static class PeopleImportPage
{
    public const string InitialPassword = "welcome2026";

    /// <summary>Uploads a people list; <paramref name="mode"/> is "import" or "check".</summary>
    public static async Task<(HttpResponseMessage Response, string Page)> UploadAsync(HttpClient admin, byte[] file, bool createMissing, string mode = "import")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var fields = new Dictionary<string, string>
        {
            ["Input.InitialPassword"] = InitialPassword,
            ["Input.Mode"] = mode,
        };
        if (createMissing) fields["Input.CreateMissing"] = "true";
        var response = await admin.PostFormAsync("/admin/people/import", "import", fields, content);
        return (response, await response.Content.ReadAsStringAsync());
    }
}
