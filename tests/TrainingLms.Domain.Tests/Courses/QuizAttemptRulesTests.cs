using TrainingLms.Domain.Courses;

namespace TrainingLms.Domain.Tests.Courses;

public class QuizAttemptRulesTests
{
    private static readonly Quiz Quiz = new(80, [], MaxAttempts: 3, RetakeAfterHours: 12);
    private static readonly DateTime Start = new(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc);

    private static DateTime At(double hours) => Start.AddHours(hours);

    private static QuizAttemptState Evaluate(double[] attempts, double[] grants, double now, bool passed = false) =>
        QuizAttemptRules.Evaluate(Quiz, attempts.Select(At), grants.Select(At), passed, At(now));

    [Theory]
    // attempts (hours), grants (hours), now → attempts left, next opens (hours; -1 none)
    [InlineData(new double[0], new double[0], 0, 3, -1)]
    [InlineData(new[] { 0.0 }, new double[0], 1, 2, -1)]
    [InlineData(new[] { 0.0, 0.5 }, new double[0], 1, 1, -1)]
    [InlineData(new[] { 0.0, 0.5, 1.0 }, new double[0], 1.5, 0, 13)]              // spent: opens 12 h after the last attempt
    [InlineData(new[] { 0.0, 0.5, 1.0 }, new double[0], 12.99, 0, 13)]            // a minute early is still closed
    [InlineData(new[] { 0.0, 0.5, 1.0 }, new double[0], 13, 3, -1)]               // a new window of three
    [InlineData(new[] { 0.0, 0.5, 1.0, 14, 15 }, new double[0], 16, 1, -1)]       // two of the second window used
    [InlineData(new[] { 0.0, 0.5, 1.0, 14, 15, 16 }, new double[0], 17, 0, 28)]   // second window spent
    [InlineData(new[] { 0.0, 0.5, 1.0 }, new[] { 2.0 }, 2, 1, -1)]                // a trainer's grant opens one more at once
    [InlineData(new[] { 0.0, 0.5, 1.0, 3.0 }, new[] { 2.0 }, 4, 0, 15)]           // used: the cool-down runs from that attempt
    [InlineData(new[] { 0.0 }, new[] { 0.2 }, 1, 3, -1)]                          // a grant inside a window adds to it
    public void Evaluate_Timeline_AttemptsLeftAndNextOpening(double[] attempts, double[] grants, double now, int left, double opensAt)
    {
        var state = Evaluate(attempts, grants, now);

        Assert.Equal(left, state.AttemptsLeft);
        Assert.Equal(opensAt < 0 ? null : At(opensAt), state.NextOpensAtUtc);
        Assert.Equal(left > 0, state.CanStart);
        Assert.Equal(left == 0, state.WindowSpent);
    }

    [Fact]
    public void Evaluate_Passed_NoFurtherAttempt()
    {
        var state = Evaluate([0], [], 1, passed: true);

        Assert.False(state.CanStart);
        Assert.True(state.Passed);
    }

    [Fact]
    public void Evaluate_NoCoolDown_WindowReopensAtOnce()
    {
        var quiz = Quiz with { RetakeAfterHours = 0 };

        var state = QuizAttemptRules.Evaluate(quiz, [At(0), At(0.1), At(0.2)], [], false, At(0.2));

        Assert.Equal(3, state.AttemptsLeft);
    }

    [Theory]
    [InlineData(false, false, QuizReview.WrongOnly, QuizReveal.WhichWrong)]
    [InlineData(true, false, QuizReview.WrongOnly, QuizReveal.Everything)]
    [InlineData(false, true, QuizReview.WrongOnly, QuizReveal.Everything)]
    [InlineData(false, false, QuizReview.Full, QuizReveal.Everything)]
    public void ForLearner_RevealsEverythingOnlyAfterAPassASpentWindowOrAFullReviewCheck(bool passed, bool spent, QuizReview review, QuizReveal expected) =>
        Assert.Equal(expected, QuizReviewRules.ForLearner(Quiz with { Review = review }, passed, spent));
}
