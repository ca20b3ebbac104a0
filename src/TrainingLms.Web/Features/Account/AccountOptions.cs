using System.ComponentModel.DataAnnotations;

namespace TrainingLms.Web.Features.Account;

public class AccountOptions
{
    public const string SectionName = "Account";

    [Range(3, 20)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(8, 64)]
    public int MinPasswordLength { get; set; } = 8;

    /// <summary>How soon a deactivation or password reset ends sessions already open.</summary>
    [Range(1, 60)]
    public int SessionRecheckMinutes { get; set; } = 1;
}
