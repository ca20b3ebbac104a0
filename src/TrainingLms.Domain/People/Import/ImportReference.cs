namespace TrainingLms.Domain.People.Import;

/// <summary>What the organisation already holds, as the validator needs it; names compare case-insensitively.</summary>
public sealed class ImportReference
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    public HashSet<string> Sites { get; } = new(Names);
    public HashSet<string> Positions { get; } = new(Names);
    public HashSet<string> Teams { get; } = new(Names);
    public HashSet<string> Contractors { get; } = new(Names);

    /// <summary>Normalised phone → employee number of the person who already has it.</summary>
    public Dictionary<string, string> PhoneOwners { get; } = new(StringComparer.Ordinal);

    /// <summary>Email → employee number of the person who already has it.</summary>
    public Dictionary<string, string> EmailOwners { get; } = new(Names);

    public void AddSite(params string[] namesOrCodes)
    {
        foreach (var name in namesOrCodes) Sites.Add(name);
    }

    public void AddTeam(string site, string team) => Teams.Add(TeamKey(site, team));

    public bool HasTeam(string site, string team) => Teams.Contains(TeamKey(site, team));

    private static string TeamKey(string site, string team) => $"{site.Trim()}\u001f{team.Trim()}";
}
