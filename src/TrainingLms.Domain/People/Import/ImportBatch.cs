namespace TrainingLms.Domain.People.Import;

/// <summary>The record of one people import, kept whether it went through or was refused.</summary>
public class ImportBatch
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string Encoding { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public string? ImportedById { get; set; }
    public bool Succeeded { get; set; }
    public int RowCount { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int ProblemCount { get; set; }
}
