using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Account;

namespace TrainingLms.Web.Features.Evaluations.Rankings;

/// <summary>Who is asking: administrators see drafts, publish and decide appeals; everyone else sees what was published.</summary>
public sealed record RankingViewer(string PersonId, bool IsAdmin, bool IsManager)
{
    public static RankingViewer From(ClaimsPrincipal user) => new(user.PersonId(), user.IsInRole(Roles.Admin), user.IsInRole(Roles.Manager));
}

public enum RankingStatus
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    AlreadyPublished,
    PeriodOpen,
    NothingToRank,
    NotYourLine,
    AppealWindowClosed,
    AppealAlreadyOpen,
    AppealDecided,
    Conflict,
}

