namespace TrainingLms.Domain.Evaluations;

/// <summary>A calendar quarter, the period of "I Smile, I Act" ratings and of the service star.</summary>
public readonly record struct YearQuarter(int Year, int Quarter)
{
    public static YearQuarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    public bool IsValid => Year is >= 2000 and <= 9999 && Quarter is >= 1 and <= 4;

    public YearQuarter Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);

    public override string ToString() => $"{Year} Q{Quarter}";
}

/// <summary>One person's averages in a quarter, per source, and the combined score on the 1–5 scale.</summary>
public sealed record BenchmarkSummary(double? Self, int SelfCount, double? Peer, int PeerCount, double? Customer, int CustomerCount, double? Combined);

/// <summary>
/// The benchmark rules: ratings are 1–5 on each point; a rating's score is the mean of the points it has; a source's
/// score is the mean of its ratings; the combined score weighs customers 50 %, peers 30 % and self 20 %, re-weighted
/// over the sources present. The top list asks for at least a minimum number of customer ratings.
/// </summary>
public static class BenchmarkScores
{
    public const int Min = 1, Max = 5;
    public const int MaxCommentLength = 200;
    public const int MaxStoryTitleLength = 200, MaxStoryBodyLength = 8000, MaxReasonLength = 1000;

    public const int CustomerWeight = 50, PeerWeight = 30, SelfWeight = 20;

    public static bool InRange(int? score) => score is >= Min and <= Max;

    public static double RatingScore(BenchmarkRating rating)
    {
        int[] points = [rating.Smile, rating.Greeting, .. rating.Meet is { } meet ? [meet] : Array.Empty<int>(), .. rating.Rise is { } rise ? [rise] : Array.Empty<int>()];
        return points.Average();
    }

    public static BenchmarkSummary Summarise(IEnumerable<BenchmarkRating> ratings)
    {
        var bySource = ratings.GroupBy(r => r.Source).ToDictionary(g => g.Key, g => g.Select(RatingScore).ToList());
        (double? Mean, int Count) Of(BenchmarkSource source) =>
            bySource.TryGetValue(source, out var scores) ? (Math.Round(scores.Average(), 2, MidpointRounding.AwayFromZero), scores.Count) : (null, 0);
        var (self, selfCount) = Of(BenchmarkSource.Self);
        var (peer, peerCount) = Of(BenchmarkSource.Peer);
        var (customer, customerCount) = Of(BenchmarkSource.Customer);
        return new BenchmarkSummary(self, selfCount, peer, peerCount, customer, customerCount, Combine(self, peer, customer));
    }

    /// <summary>The weighted mean of the sources present; null when none is.</summary>
    public static double? Combine(double? self, double? peer, double? customer)
    {
        var parts = new[] { (self, SelfWeight), (peer, PeerWeight), (customer, CustomerWeight) }.Where(p => p.Item1 is not null).ToList();
        if (parts.Count == 0) return null;
        var weighted = parts.Sum(p => p.Item1!.Value * p.Item2) / parts.Sum(p => p.Item2);
        return Math.Round(weighted, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The people eligible for the top list, best first: enough customer ratings, then by combined score.</summary>
    public static IReadOnlyList<T> TopList<T>(IEnumerable<T> rows, Func<T, BenchmarkSummary> summary, int minCustomerRatings, int take) =>
        [.. rows.Where(r => summary(r).CustomerCount >= minCustomerRatings && summary(r).Combined is not null)
            .OrderByDescending(r => summary(r).Combined).ThenByDescending(r => summary(r).CustomerCount).Take(take)];
}

/// <summary>The code of a printed feedback QR code: base32 letters and digits (no 0, 1, 8, 9), compared without case.</summary>
public static class FeedbackCodeFormat
{
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public const int Length = 10;
    public const int MaxLength = 32;

    /// <summary>The code as stored, or null when it cannot be one (so nothing is looked up for junk).</summary>
    public static string? Normalise(string? typed)
    {
        var code = typed?.Trim().ToUpperInvariant();
        return code is { Length: > 0 and <= MaxLength } && code.All(c => Alphabet.Contains(c)) ? code : null;
    }

    /// <summary>A code from <paramref name="randomBytes"/> (one byte per character, at least <see cref="Length"/>).</summary>
    public static string FromBytes(ReadOnlySpan<byte> randomBytes)
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[randomBytes[i] % Alphabet.Length];
        return new string(chars);
    }
}
