using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Operations;

namespace TrainingLms.IntegrationTests.Operations;

/// <summary>The app's commands (`move-to-postgres`, `backup`, `verify-records`) run as `./lms` runs them: a process on a data folder.</summary>
public static partial class LmsCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataPath, IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var start = AppProcess.StartInfo(dataPath, settings, "Testing", arguments);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Signs in and fetches the pages; what differs between two renderings of the same data (form tokens, nonces) is blanked.</summary>
    public static async Task<List<string>> PagesAsync(AppProcess app, string employeeNumber, params string[] paths)
    {
        var client = app.CreateClient();
        var signIn = await client.SignInAsync(employeeNumber);
        if (signIn.RedirectPath() is not { } landing || landing.Contains("signin", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{employeeNumber} could not sign in ({signIn.StatusCode} → {signIn.RedirectPath()}).");
        var pages = new List<string>();
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {response.StatusCode}");
            pages.Add(Varying().Replace(await response.Content.ReadAsStringAsync(), "$1"));
        }
        return pages;
    }

    /// <summary>Every table of the model with its number of rows, counted in SQL.</summary>
    public static async Task<SortedDictionary<string, long>> RowCountsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            var sql = "SELECT COUNT(*) AS \"Value\" FROM " + DatabaseCopy.Quote(table.Name);
            counts[table.Name] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
        }
        return counts;
    }

    [GeneratedRegex("((?:name=\"__RequestVerificationToken\" value|nonce)=\")[^\"]*")]
    private static partial Regex Varying();
}
