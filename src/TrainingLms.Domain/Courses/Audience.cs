using TrainingLms.Domain.Organisation;

namespace TrainingLms.Domain.Courses;

/// <summary>What the audience rules need to know about a person.</summary>
public sealed record LearnerProfile(IReadOnlyCollection<string> Roles, LineOfWork? LineOfWork, bool FacesCustomers);

/// <summary>One audience rule of a course: every condition it names must hold; lists mean "any of".</summary>
public sealed record AudienceRule(IReadOnlyList<string> Roles, IReadOnlyList<LineOfWork> LinesOfWork, bool CustomerFacingOnly)
{
    public bool Matches(LearnerProfile person) =>
        (Roles.Count == 0 || Roles.Any(person.Roles.Contains))
        && (LinesOfWork.Count == 0 || person.LineOfWork is { } line && LinesOfWork.Contains(line))
        && (!CustomerFacingOnly || person.FacesCustomers);
}

public static class Audience
{
    /// <summary>A person is in a course's audience when any of its rules matches; no rules means manual assignment only.</summary>
    public static bool Includes(IEnumerable<AudienceRule> rules, LearnerProfile person) => rules.Any(rule => rule.Matches(person));
}
