using Microsoft.AspNetCore.Identity;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Data.Identity;

/// <summary>
/// An employee and their sign-in account in one: every person in the organisation learns in the LMS.
/// The user name is the employee number.
/// </summary>
public class Person : IdentityUser
{
    public string EmployeeNumber { get => UserName ?? ""; set => UserName = value; }
    public required string FullName { get; set; }
    public int? SiteId { get; set; }
    public Site? Site { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public int? PositionId { get; set; }
    public Position? Position { get; set; }

    /// <summary>The outside company the person works for; null for the company's own staff.</summary>
    public int? ContractorCompanyId { get; set; }
    public ContractorCompany? ContractorCompany { get; set; }
    public DateOnly? HireDate { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime? DeactivatedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The import that is still writing this person (who stays inactive and hidden meanwhile); null once that
    /// import is in, and for everyone else.
    /// </summary>
    public int? StagedImportId { get; set; }

    /// <summary>en-US or zh-CN; null means the default (zh-CN).</summary>
    public string? PreferredCulture { get; set; }

    /// <summary>Set for accounts made with an initial password (import, admin reset) until the person picks their own.</summary>
    public bool MustChangePassword { get; set; }
}
