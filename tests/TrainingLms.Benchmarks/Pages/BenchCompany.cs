namespace TrainingLms.Benchmarks.Pages;

/// <summary>
/// The company a page crawl runs on: the one pluggable step of <see cref="PagesBenchmark"/>. Today the demo company
/// (<see cref="DemoCompany"/>), or the large company generated on top of it (<see cref="LargeCompany"/>, <c>pages --large</c>).
/// </summary>
internal interface IBenchCompany
{
    /// <summary>Its name in the report's heading.</summary>
    string Name { get; }

    /// <summary>The app's settings that bring it (the demo: <c>Demo:Enabled</c>), applied before the app starts.</summary>
    IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>One typical person of each role who signs in, and the password they all share.</summary>
    IReadOnlyList<BenchPerson> People { get; }

    string Password { get; }

    /// <summary>The report's file name (beside the other benchmarks' results).</summary>
    string ReportFile { get; }

    /// <summary>Fills in what the settings did not, once the app has started; says what it did and how long it took, for the report's header (or null).</summary>
    Task<string?> SeedAsync(IServiceProvider services);

    /// <summary>Pages no menu or home-page link reaches that the person should see (a lesson, a clip, a review …), ids resolved from the database.</summary>
    Task<IReadOnlyList<string>> DetailRoutesAsync(IServiceProvider services, BenchPerson person);
}

internal sealed record BenchPerson(string Role, string Identifier);
