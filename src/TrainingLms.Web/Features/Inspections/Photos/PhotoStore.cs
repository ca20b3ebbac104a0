namespace TrainingLms.Web.Features.Inspections.Photos;

/// <summary>
/// The inspection photos' folder in the data folder, beside the clips. Files are named by a fresh GUID, never by what
/// the phone called them, and are served only through the authorised photo endpoint.
/// </summary>
public sealed class PhotoStore(IOptions<StorageOptions> storage)
{
    public const string FolderName = "inspection-photos";

    public string Folder => Path.Combine(storage.Value.ResolvedDataPath, FolderName);

    public async Task<string> WriteAsync(byte[] jpeg, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{Guid.NewGuid():N}.jpg";
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), jpeg, cancellationToken);
        return name;
    }

    public void Delete(string storedName)
    {
        var path = PathOf(storedName);
        if (path is not null && File.Exists(path)) File.Delete(path);
    }

    /// <summary>The file of a stored name; null for a name that is not one of ours (it could point elsewhere).</summary>
    public string? PathOf(string storedName) =>
        storedName.Length == 36 && storedName.EndsWith(".jpg", StringComparison.Ordinal) && storedName[..32].All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Folder, storedName) : null;
}
