namespace TrainingLms.Web.Features.People;

/// <summary>What an administrator fills in for one person.</summary>
public sealed class PersonInput
{
    public string EmployeeNumber { get; set; } = "";
    public string FullName { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int? SiteId { get; set; }
    public int? TeamId { get; set; }
    public int? PositionId { get; set; }

    /// <summary>The contractor company the person works for; null for the company's own staff.</summary>
    public int? ContractorCompanyId { get; set; }
    public DateOnly? HireDate { get; set; }
    public List<string> Roles { get; set; } = [];
}

/// <summary>The outcome of a change to a person: field name ("" for the whole form) → message.</summary>
public sealed record PeopleResult(string? PersonId, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static PeopleResult Ok(string personId) => new(personId, new Dictionary<string, string>());

    public static PeopleResult Fail(IReadOnlyDictionary<string, string> errors) => new(null, errors);

    public static PeopleResult Fail(string field, string message) => Fail(new Dictionary<string, string> { [field] = message });
}
