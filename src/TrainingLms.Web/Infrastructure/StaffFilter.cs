using System.Linq.Expressions;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// Which staff an oversight page and its export show: everyone, the company's own staff, or the staff of one contractor
/// company, as the query string says (<c>?contractor=own</c> or <c>?contractor={id}</c>). Anything else, an id of no
/// contractor company included, means everyone: a hand-edited address never fails a page.
/// </summary>
public sealed record StaffFilter(bool OwnStaff, int? ContractorId)
{
    public const string QueryName = "contractor";
    public const string OwnStaffValue = "own";

    public static readonly StaffFilter Everyone = new(false, null);

    public static StaffFilter Parse(string? text) =>
        string.Equals(text?.Trim(), OwnStaffValue, StringComparison.OrdinalIgnoreCase) ? new(true, null)
        : QueryValue.Int(text) is > 0 and var id ? new(false, id)
        : Everyone;

    /// <summary>No choice made: the filter keeps everyone.</summary>
    public bool ChoosesEveryone => !OwnStaff && ContractorId is null;

    /// <summary>The value for the query string; empty for everyone.</summary>
    public string Value => OwnStaff ? OwnStaffValue : ContractorId?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary><c>contractor=…</c> to append to an export link.</summary>
    public string Query => $"{QueryName}={Uri.EscapeDataString(Value)}";

    /// <summary>Only the chosen staff; an unknown contractor company is ignored.</summary>
    public async Task<IQueryable<Person>> ApplyAsync(LmsDbContext db, IQueryable<Person> people, CancellationToken cancellationToken = default) =>
        await ConditionAsync(db, cancellationToken) is { } condition ? people.Where(condition) : people;

    /// <summary>
    /// The teams with at least one active member among the chosen staff: a contractor's own teams, and mixed teams
    /// under either choice (reviews and drills are held per team, so a mixed team concerns both).
    /// </summary>
    public async Task<IQueryable<Team>> ApplyToTeamsAsync(LmsDbContext db, IQueryable<Team> teams, CancellationToken cancellationToken = default)
    {
        if (await ConditionAsync(db, cancellationToken) is not { } condition) return teams;
        var members = db.Users.Where(p => p.IsActive).Where(condition);
        return teams.Where(t => members.Any(p => p.TeamId == t.Id));
    }

    private async Task<Expression<Func<Person, bool>>?> ConditionAsync(LmsDbContext db, CancellationToken cancellationToken)
    {
        if (OwnStaff) return p => p.ContractorCompanyId == null;
        if (ContractorId is { } id && await db.ContractorCompanies.AnyAsync(c => c.Id == id, cancellationToken)) return p => p.ContractorCompanyId == id;
        return null;
    }
}
