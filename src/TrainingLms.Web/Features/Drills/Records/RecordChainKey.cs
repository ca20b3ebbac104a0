using System.Security.Cryptography;
using TrainingLms.Domain.Drills;

namespace TrainingLms.Web.Features.Drills.Records;

/// <summary>
/// The record chain's secret: 32 random bytes, base64 in a file outside the database that only the app's user may
/// read (0600). Whoever can change the database but not read this file cannot write links that verify.
/// </summary>
public sealed class RecordChainKey(IOptions<RecordChainOptions> options, IOptions<StorageOptions> storage, ILogger<RecordChainKey> logger)
{
    public const string DefaultFileName = "record-chain.key";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private byte[]? key;

    public string FilePath => options.Value.KeyPath is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(storage.Value.ResolvedDataPath, DefaultFileName);

    /// <summary>Where a new key waits until the records signed before the chain are chained with it.</summary>
    public string PendingPath => FilePath + ".new";

    public bool Exists => key is not null || File.Exists(FilePath);

    /// <summary>The secret, read from its file once.</summary>
    public byte[] Value => key ??= Read(FilePath);

    /// <summary>Writes a new secret beside the key's place (never over a key), for <see cref="Promote"/> once it is in use.</summary>
    public void CreatePending()
    {
        var fresh = RandomNumberGenerator.GetBytes(RecordChain.KeyBytes);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = OwnerOnly;
        using (var writer = new StreamWriter(PendingPath, file)) writer.WriteLine(Convert.ToBase64String(fresh));
        key = fresh;
    }

    /// <summary>
    /// A new secret a start wrote but did not get to put in place (it stopped before or after chaining the old records,
    /// or is putting it in place now); false when there is none.
    /// </summary>
    public bool TryLoadPending()
    {
        try
        {
            key = Read(PendingPath);
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException && !File.Exists(PendingPath))
        {
            return false;
        }
    }

    /// <summary>Puts the pending key in place; an instance that started at the same time may have put the same key there first.</summary>
    public void Promote()
    {
        try
        {
            File.Move(PendingPath, FilePath);
        }
        catch (IOException) when (File.Exists(FilePath) && key is not null && Read(FilePath).AsSpan().SequenceEqual(key))
        {
            return;
        }
        logger.LogInformation("Record chain key created at {Path}: back it up with the data folder, the chain cannot be verified without it", FilePath);
    }

    private byte[] Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"The record chain key {path} is missing.");
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            logger.LogWarning("The record chain key {Path} was readable by others: now 0600", path);
            File.SetUnixFileMode(path, OwnerOnly);
        }
        var bytes = new byte[RecordChain.KeyBytes];
        if (!Convert.TryFromBase64String(File.ReadAllText(path).Trim(), bytes, out var written) || written != RecordChain.KeyBytes)
            throw new InvalidOperationException($"The record chain key {path} is not {RecordChain.KeyBytes} bytes of base64.");
        return bytes;
    }
}
