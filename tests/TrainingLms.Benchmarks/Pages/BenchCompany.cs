namespace TrainingLms.Benchmarks.Pages;

/// <summary>
/// The company a page crawl runs on: the one pluggable step of <see cref="PagesBenchmark"/>. Today the demo company
/// (<see cref="DemoCompany"/>); a generated large company can take its place without touching the crawl.
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

    /// <summary>Fills in what the settings did not, once the app has started.</summary>
    Task SeedAsync(IServiceProvider services);

    /// <summary>Pages no menu or home-page link reaches that the person should see (a lesson, a clip, a review …), ids resolved from the database.</summary>
    Task<IReadOnlyList<string>> DetailRoutesAsync(IServiceProvider services, BenchPerson person);
}

internal sealed record BenchPerson(string Role, string Identifier);
