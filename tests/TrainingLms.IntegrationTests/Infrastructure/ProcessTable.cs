using System.Globalization;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>A process as /proc shows it: its start time tells it from a later process given the same id.</summary>
public sealed record ProcessEntry(int Id, int ParentId, string Name, char State, ulong StartTicks, string CommandLine)
{
    /// <summary>Still running: present under the same start time, and not a zombie waiting for its parent to reap it.</summary>
    public bool IsRunning => ProcessTable.Find(Id) is { State: not ('Z' or 'X') } now && now.StartTicks == StartTicks;
}

/// <summary>Reads the processes of this machine from /proc, for tests about which processes outlive which.</summary>
public static class ProcessTable
{
    public static IReadOnlyList<ProcessEntry> ChildrenOf(int parentId) =>
        Directory.EnumerateDirectories("/proc")
            .Select(folder => int.TryParse(Path.GetFileName(folder), out var id) ? Find(id) : null)
            .OfType<ProcessEntry>()
            .Where(p => p.ParentId == parentId)
            .ToList();

    public static ProcessEntry? Find(int id)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            // "pid (name) state ppid …": the name may hold spaces and parentheses, so the fields are read after the last ')'.
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            var commandLine = File.ReadAllText($"/proc/{id}/cmdline").Replace('\0', ' ');
            return new ProcessEntry(id, int.Parse(fields[1], CultureInfo.InvariantCulture), stat[(open + 1)..close], fields[0][0],
                ulong.Parse(fields[19], CultureInfo.InvariantCulture), commandLine);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
