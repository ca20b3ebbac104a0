namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>What a filtered page or export lists: every one of some names, and none of others.</summary>
public static class Shows
{
    public static void Only(string body, IEnumerable<string> shown, IEnumerable<string> hidden, string where = "")
    {
        foreach (var text in shown) Assert.True(body.Contains(text, StringComparison.Ordinal), $"{where}: {text} missing");
        foreach (var text in hidden) Assert.False(body.Contains(text, StringComparison.Ordinal), $"{where}: {text} shown");
    }
}
