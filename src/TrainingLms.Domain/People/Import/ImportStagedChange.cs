namespace TrainingLms.Domain.People.Import;

/// <summary>
/// An import's change to someone who exists already, held until the import's switch applies them all in one
/// statement. A null keeps what the person has (a blank cell in the file); <see cref="SiteId"/> without a
/// <see cref="TeamId"/> also takes the person out of a team that is not at that site.
/// </summary>
public class ImportStagedChange
{
    public long Id { get; set; }
    public int BatchId { get; set; }
    public required string PersonId { get; set; }
    public required string FullName { get; set; }
    public string? PhoneNumber { get; set; }
    public string? Email { get; set; }
    public string? NormalizedEmail { get; set; }
    public DateOnly? HireDate { get; set; }
    public int? SiteId { get; set; }
    public int? TeamId { get; set; }
    public int? PositionId { get; set; }

    /// <summary>The contractor company the person now works for; null keeps it unless <see cref="BecomesOwnStaff"/>.</summary>
    public int? ContractorCompanyId { get; set; }

    /// <summary>The row said the person is the company's own staff (本公司), which clears their contractor company.</summary>
    public bool BecomesOwnStaff { get; set; }

    /// <summary>Ids of the roles the person gains.</summary>
    public List<string> AddedRoleIds { get; set; } = [];
}
