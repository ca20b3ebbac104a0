using TrainingLms.Domain.Evaluations;

namespace TrainingLms.Domain.Tests.Evaluations.Benchmarking;

public class BenchmarkScoresTests
{
    private static BenchmarkRating Rating(BenchmarkSource source, int smile, int greeting, int? meet = null, int? rise = null) =>
        new() { Source = source, Smile = smile, Greeting = greeting, Meet = meet, Rise = rise };

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 31, 1)]
    [InlineData(4, 1, 2)]
    [InlineData(12, 31, 4)]
    public void YearQuarter_Of_Day_CalendarQuarter(int month, int day, int quarter) =>
        Assert.Equal(new YearQuarter(2026, quarter), YearQuarter.Of(new DateOnly(2026, month, day)));

    [Fact]
    public void RatingScore_StaffAndCustomer_MeanOfThePointsPresent()
    {
        Assert.Equal(4.5, BenchmarkScores.RatingScore(Rating(BenchmarkSource.Customer, 5, 4)));
        Assert.Equal(3.5, BenchmarkScores.RatingScore(Rating(BenchmarkSource.Peer, 5, 4, 3, 2)));
    }

    [Fact]
    public void Combine_AllSources_WeightedFiftyThirtyTwenty() =>
        Assert.Equal(4.1, BenchmarkScores.Combine(self: 5, peer: 4, customer: 3.8));

    [Fact]
    public void Combine_SourceMissing_ReweightedOverThoseThere()
    {
        // Customers 50 and self 20 of 70: (4 × 50 + 5 × 20) / 70.
        Assert.Equal(4.29, BenchmarkScores.Combine(self: 5, peer: null, customer: 4));
        Assert.Null(BenchmarkScores.Combine(null, null, null));
    }

    [Fact]
    public void Summarise_Ratings_CountsAndMeansPerSource()
    {
        var summary = BenchmarkScores.Summarise([
            Rating(BenchmarkSource.Customer, 5, 5), Rating(BenchmarkSource.Customer, 3, 3),
            Rating(BenchmarkSource.Self, 4, 4, 4, 4)]);

        Assert.Equal(new BenchmarkSummary(4, 1, null, 0, 4, 2, 4), summary);
    }

    [Fact]
    public void TopList_TooFewCustomerRatings_LeftOut()
    {
        var rows = new[]
        {
            ("few", BenchmarkScores.Summarise([Rating(BenchmarkSource.Customer, 5, 5), Rating(BenchmarkSource.Customer, 5, 5)])),
            ("enough", BenchmarkScores.Summarise([Rating(BenchmarkSource.Customer, 4, 4), Rating(BenchmarkSource.Customer, 4, 4), Rating(BenchmarkSource.Customer, 4, 4)])),
        };

        var top = BenchmarkScores.TopList(rows, r => r.Item2, minCustomerRatings: 3, take: 3);

        Assert.Equal(["enough"], top.Select(r => r.Item1));
    }

    [Theory]
    [InlineData(" cuihukefua ", "CUIHUKEFUA")]
    [InlineData("<script>", null)]
    [InlineData("ABC0", null)]
    [InlineData("", null)]
    public void FeedbackCodeFormat_Normalise_OnlyBase32(string typed, string? expected) =>
        Assert.Equal(expected, FeedbackCodeFormat.Normalise(typed));

    [Fact]
    public void FeedbackCodeFormat_FromBytes_TenCharactersOfTheAlphabet()
    {
        var code = FeedbackCodeFormat.FromBytes([0, 31, 32, 255, 7, 8, 100, 200, 1, 2]);

        Assert.Equal(FeedbackCodeFormat.Length, code.Length);
        Assert.Equal(code, FeedbackCodeFormat.Normalise(code));
        Assert.Equal("A7A7HIEIBC", code);
    }
}
