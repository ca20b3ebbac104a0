namespace TrainingLms.Domain.People.Import;

/// <summary>Where one people import stands; an import is all or nothing, however it ends.</summary>
public enum ImportStatus
{
    /// <summary>The file had problems (or a check found them); nothing was written.</summary>
    Refused = 1,

    /// <summary>Rows are being written in short batches, hidden; after a crash the start-up repair removes them.</summary>
    Staging = 2,

    /// <summary>The import stands; its people are being switched on. After a crash the start-up repair finishes this.</summary>
    Committed = 3,

    /// <summary>Everyone is in, with their courses.</summary>
    Completed = 4,

    /// <summary>Writing failed part-way; every row it had written was removed again.</summary>
    RolledBack = 5,
}

/// <summary>The record of one people import, kept whether it went through or was refused.</summary>
public class ImportBatch
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string Encoding { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public string? ImportedById { get; set; }
    public ImportStatus Status { get; set; } = ImportStatus.Refused;
    public int RowCount { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int ProblemCount { get; set; }

    /// <summary>Sites and teams the import creates: inactive until its switch, removed again if it fails.</summary>
    public List<int> NewSiteIds { get; set; } = [];

    public List<int> NewTeamIds { get; set; } = [];

    /// <summary>Contractor companies the import creates: inactive until its switch, removed again if it fails.</summary>
    public List<int> NewContractorIds { get; set; } = [];

    /// <summary>The import went through: committed, whether or not its people are all switched on yet.</summary>
    public bool Succeeded => Status is ImportStatus.Committed or ImportStatus.Completed;
}
