using TrainingLms.Domain.Organisation;

namespace TrainingLms.Web.Features.Home;

public sealed record LastImport(DateTime LocalTime, string FileName, bool Succeeded, int Created, int Updated, int Unchanged, int Problems);

public sealed record AdminSummary(int Sites, int Teams, int ActivePeople, int DeactivatedPeople, int PeopleWithoutTeam, LastImport? LastImport, IReadOnlyList<string> TeamsWithoutLeader);

public sealed record RosterMember(string EmployeeNumber, string FullName, string? Position, string? Phone, DateOnly? HireDate, bool IsNewHire);

public sealed record TeamRoster(int TeamId, string TeamName, string SiteName, LineOfWork LineOfWork, IReadOnlyList<RosterMember> Members);

public sealed record SiteTeam(string Name, LineOfWork LineOfWork, string? ClassLeader, int Headcount, int NewHires);

public sealed record SiteOverview(string SiteName, IReadOnlyList<SiteTeam> Teams);

public sealed record NewHire(string FullName, string EmployeeNumber, string? Site, string? Team, string? Position, bool FacesCustomers, DateOnly HireDate);

public sealed record MyPlace(string FullName, string EmployeeNumber, string? Site, string? Team, string? Position, string? ClassLeader, DateOnly? HireDate, bool FacesCustomers);
