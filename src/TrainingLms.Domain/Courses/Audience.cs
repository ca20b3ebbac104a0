using System.Text.Json.Serialization;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Domain.Courses;

/// <summary>What the audience rules need to know about a person.</summary>
/// <param name="ExemptFromCompanyWideCourses">The person's post is opted out of the company-wide rule (<see cref="AudienceRule.Everyone"/>).</param>
public sealed record LearnerProfile(IReadOnlyCollection<string> Roles, LineOfWork? LineOfWork, bool FacesCustomers, bool ExemptFromCompanyWideCourses);

/// <summary>One audience rule of a course: every condition it names must hold; lists mean "any of".</summary>
/// <param name="Everyone">
/// The company-wide rule: every active person, whatever their post, except holders of a post an administrator opted
/// out. Left out of the stored form when false, so rules written before it keep their revision hash.
/// </param>
public sealed record AudienceRule(
    IReadOnlyList<string> Roles,
    IReadOnlyList<LineOfWork> LinesOfWork,
    bool CustomerFacingOnly,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Everyone = false)
{
    public bool Matches(LearnerProfile person) =>
        (!Everyone || !person.ExemptFromCompanyWideCourses)
        && (Roles.Count == 0 || Roles.Any(person.Roles.Contains))
        && (LinesOfWork.Count == 0 || person.LineOfWork is { } line && LinesOfWork.Contains(line))
        && (!CustomerFacingOnly || person.FacesCustomers);
}

public static class Audience
{
    /// <summary>A person is in a course's audience when any of its rules matches; no rules means manual assignment only.</summary>
    public static bool Includes(IEnumerable<AudienceRule> rules, LearnerProfile person) => rules.Any(rule => rule.Matches(person));
}
