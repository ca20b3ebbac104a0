using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// Keeps the data folder to the app's own user. At start: the folder 0700; the database and its WAL and shared-memory
/// files, the sign-in keys and the record chain's key 0600; the clips 0750 (folders) and 0640 (files), so that nginx,
/// in the app's group, may send them. For what is created later the process's umask is 027: nothing the app or its
/// ffmpeg writes is ever readable by others, and SQLite gives its WAL and shared-memory files the database's own 0600.
/// When nginx sends the clips (<c>Clips:AccelRedirectLocation</c>), the data folder is 0710: its group may pass
/// through to the clips, not list the folder or open anything else in it.
/// </summary>
public static class DataFolderSecurity
{
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode GroupReadableFolder = PrivateFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
    public const UnixFileMode GroupReadableFile = PrivateFile | UnixFileMode.GroupRead;

    /// <summary>027: no write for the group, nothing for others.</summary>
    private const uint Umask = 0b000_010_111;

    public static void SecureDataFolder(this IServiceProvider services)
    {
        if (OperatingSystem.IsWindows()) return;
        SetUmask(Umask);
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var nginxSendsClips = !string.IsNullOrEmpty(services.GetRequiredService<IConfiguration>()["Clips:AccelRedirectLocation"]);
        var data = storage.ResolvedDataPath;
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, nginxSendsClips ? PrivateFolder | UnixFileMode.GroupExecute : PrivateFolder);

        if (DatabaseFile(services, storage) is { } database)
        {
            // An empty file is a new database to SQLite: created here it is 0600 from its first byte, and its WAL with it.
            if (!File.Exists(database)) new FileStream(database, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile }).Dispose();
            foreach (var file in new[] { database, database + "-wal", database + "-shm", database + "-journal" }.Where(File.Exists))
                File.SetUnixFileMode(file, PrivateFile);
        }
        Restrict(Path.Combine(data, KeysFolderName), PrivateFolder, PrivateFile, create: true);
        Restrict(storage.ResolvedClipsPath, GroupReadableFolder, GroupReadableFile, create: false);
    }

    /// <summary>The data-protection keys' folder inside the data folder.</summary>
    public const string KeysFolderName = "keys";

    /// <summary>Takes away what <paramref name="folderMode"/> and <paramref name="fileMode"/> do not allow, through the whole tree.</summary>
    public static void Restrict(string folder, UnixFileMode folderMode, UnixFileMode fileMode, bool create)
    {
        if (OperatingSystem.IsWindows()) return;
        if (create) Directory.CreateDirectory(folder);
        if (!Directory.Exists(folder)) return;
        File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) & folderMode);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is not null) continue;
            entry.UnixFileMode &= entry is DirectoryInfo ? folderMode : fileMode;
        }
    }

    /// <summary>The SQLite file, unless the connection string names something else (an in-memory database) or the database is a server.</summary>
    private static string? DatabaseFile(IServiceProvider services, StorageOptions storage)
    {
        if (DatabaseSetup.Provider(services) != DatabaseProvider.Sqlite) return null;
        var configured = services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseSetup.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured)) return Path.Combine(storage.ResolvedDataPath, storage.DatabaseFileName);
        var source = new SqliteConnectionStringBuilder(configured).DataSource;
        return source is { Length: > 0 } && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal) ? Path.GetFullPath(source) : null;
    }

    // DllImport rather than LibraryImport: the generated stub would need unsafe code in the project for this one call.
    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint SetUmask(uint mask);
}
