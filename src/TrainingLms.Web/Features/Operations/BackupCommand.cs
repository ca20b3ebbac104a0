using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using TrainingLms.Web.Features.Drills.Records;

namespace TrainingLms.Web.Features.Operations;

/// <summary>
/// `backup FILE [--clips]`: a consistent copy of the SQLite company, safe while the app runs and writes. The database
/// is copied with <c>VACUUM INTO</c>, one read transaction: every commit before it began is in the copy, none after.
/// The archive (.tar.gz, 0600) holds what a restore unpacks into an empty data folder: <c>lms.db</c>, <c>keys/</c>
/// (the sign-in keys), <c>record-chain.key</c> and <c>clips-manifest.txt</c> (every clip file with its size), and
/// with <c>--clips</c> the <c>clips/</c> tree itself. Clip files are listed after the database is copied: a clip is on
/// disk before the database points at it, so every clip the copy knows is there. Exit 0 done, 2 nothing written.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";
    public const string DatabaseEntry = "lms.db", KeysEntry = DataFolderSecurity.KeysFolderName, ChainKeyEntry = RecordChainKey.DefaultFileName,
        ClipsEntry = "clips", ManifestEntry = "clips-manifest.txt";

    public static bool IsRequested(string[] args) => args is [Name, ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        if (args is not [Name, { Length: > 0 } target, .. var options] || options.Any(o => o != "--clips"))
        {
            await output.WriteLineAsync($"Usage: {Name} FILE.tar.gz [--clips]   (--clips puts the clip files in too; without it they are listed)");
            return 2;
        }
        if (DatabaseSetup.Provider(services) != DatabaseProvider.Sqlite)
        {
            await output.WriteLineAsync("The database is PostgreSQL: back it up with pg_dump -Fc (README \"Backup and restore\"), and the data folder's keys with it.");
            return 2;
        }
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var database = new SqliteConnectionStringBuilder(DatabaseSetup.ConnectionString(services.GetRequiredService<IConfiguration>(), storage)).DataSource;
        if (!File.Exists(database))
        {
            await output.WriteLineAsync($"No database at {database}: nothing to back up.");
            return 2;
        }
        target = Path.GetFullPath(target);
        if (File.Exists(target) || Directory.Exists(target))
        {
            await output.WriteLineAsync($"{target} exists already: a backup never overwrites one (give a new name, e.g. with the date).");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("traininglms-backup-");
        try
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(work.FullName, DataFolderSecurity.PrivateFolder);
            var copy = Path.Combine(work.FullName, DatabaseEntry);
            await SnapshotAsync(database, copy);
            var check = await IntegrityAsync(copy);
            if (check != "ok")
            {
                await output.WriteLineAsync($"The copy of the database fails PRAGMA integrity_check ({check}): nothing written. Check {database} itself.");
                return 2;
            }
            var clipsFolder = Path.Combine(storage.ResolvedDataPath, ClipsEntry);
            var clips = Directory.Exists(clipsFolder)
                ? new DirectoryInfo(clipsFolder).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal).ToList()
                : [];
            var manifest = Path.Combine(work.FullName, ManifestEntry);
            await File.WriteAllLinesAsync(manifest, clips.Select(f => $"{f.Length}\t{Path.GetRelativePath(storage.ResolvedDataPath, f.FullName).Replace('\\', '/')}"));
            // The archive keeps each file's mode: the copy and the list are as private as the data folder's files.
            if (!OperatingSystem.IsWindows())
                foreach (var made in new[] { copy, manifest }) File.SetUnixFileMode(made, DataFolderSecurity.PrivateFile);

            var partial = target + ".partial";
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) file.UnixCreateMode = DataFolderSecurity.PrivateFile;
            await using (var stream = new FileStream(partial, file))
            await using (var gzip = new GZipStream(stream, CompressionLevel.Fastest))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            {
                await tar.WriteEntryAsync(copy, DatabaseEntry);
                var chainKey = services.GetRequiredService<RecordChainKey>().FilePath;
                if (File.Exists(chainKey)) await tar.WriteEntryAsync(chainKey, ChainKeyEntry);
                else await output.WriteLineAsync($"Warning: no record chain key at {chainKey}; the backup has none.");
                var keys = Path.Combine(storage.ResolvedDataPath, KeysEntry);
                if (Directory.Exists(keys))
                    foreach (var key in Directory.EnumerateFiles(keys).Order(StringComparer.Ordinal))
                        await tar.WriteEntryAsync(key, $"{KeysEntry}/{Path.GetFileName(key)}");
                await tar.WriteEntryAsync(manifest, ManifestEntry);
                if (options.Contains("--clips"))
                    foreach (var clip in clips.Where(c => c.Exists))
                        await tar.WriteEntryAsync(clip.FullName, Path.GetRelativePath(storage.ResolvedDataPath, clip.FullName).Replace('\\', '/'));
            }
            File.Move(partial, target);
            await output.WriteLineAsync($"Backed up {database} to {target} ({new FileInfo(target).Length / 1024} KiB): the database (integrity ok), keys/, record-chain.key, "
                + (options.Contains("--clips") ? $"{clips.Count} clip files." : $"a list of {clips.Count} clip files (copy clips/ separately, or back up with --clips)."));
            return 0;
        }
        finally
        {
            if (File.Exists(target + ".partial") && !File.Exists(target)) File.Delete(target + ".partial");
            work.Delete(recursive: true);
        }
    }

    /// <summary>VACUUM INTO reads the database in one transaction: a snapshot, while the app goes on writing (WAL).</summary>
    public static async Task SnapshotAsync(string database, string copy)
    {
        // Read-write (VACUUM INTO writes nothing to it): a read-only connection cannot open a WAL database whose -shm is not there yet.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 60 }.ToString());
        await connection.OpenAsync();
        await using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM INTO $copy";
        vacuum.Parameters.AddWithValue("$copy", copy);
        await vacuum.ExecuteNonQueryAsync();
    }

    public static async Task<string> IntegrityAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string)(await check.ExecuteScalarAsync())!;
    }
}
