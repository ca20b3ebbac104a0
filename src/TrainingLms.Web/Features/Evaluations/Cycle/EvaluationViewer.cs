using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Account;

namespace TrainingLms.Web.Features.Evaluations.Cycle;

/// <summary>Who is asking: evaluators see and score what they are assigned; administrators run the periods.</summary>
public sealed record EvaluationViewer(string PersonId, bool IsAdmin)
{
    public static EvaluationViewer From(ClaimsPrincipal user) => new(user.PersonId(), user.IsInRole(Roles.Admin));
}
