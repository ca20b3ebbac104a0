using TrainingLms.Domain.Courses;

namespace TrainingLms.Web.Features.Courses.Checks;

/// <summary>The randomness behind each attempt's draw; tests give it a seed so a run can be repeated.</summary>
public sealed class QuizDrawRandom(Random? seeded = null)
{
    private readonly Lock gate = new();

    public IReadOnlyList<ShownQuestion> Draw(Quiz quiz)
    {
        if (seeded is null) return QuizDraw.Draw(quiz, Random.Shared.Next);
        // A seeded Random is not thread-safe; draws are rare enough to take turns.
        lock (gate) return QuizDraw.Draw(quiz, seeded.Next);
    }
}
