namespace TrainingLms.Domain.Organisation;

/// <summary>
/// An outside company (外包单位) whose staff work the company's posts (cleaning, security, greening): they learn, drill and
/// are reviewed like the company's own people, and oversight can tell them apart.
/// </summary>
public class ContractorCompany
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
}
