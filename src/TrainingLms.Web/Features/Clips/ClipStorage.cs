namespace TrainingLms.Web.Features.Clips;

/// <summary>
/// Where clip files live, in the clips folder (<see cref="StorageOptions.ClipsPath"/>, by default <c>clips</c> in the data
/// folder): <c>uploads/{id}.part</c> while uploading, then <c>{clipId}/</c> with the original, the renditions, the
/// poster and each attempt's work folder. Every name is the system's own.
/// </summary>
public sealed class ClipStorage(IOptions<StorageOptions> storage)
{
    public const string PosterFileName = "poster.jpg";

    public string Root { get; } = storage.Value.ResolvedClipsPath;

    public string UploadsFolder => Path.Combine(Root, "uploads");

    public string UploadPath(Guid uploadId) => Path.Combine(UploadsFolder, uploadId.ToString("N") + ".part");

    public string ClipFolder(int clipId) => Path.Combine(Root, clipId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string OriginalPath(int clipId, string extension) => Path.Combine(ClipFolder(clipId), "original" + extension);

    public string RenditionPath(int clipId, int shortSide) => Path.Combine(ClipFolder(clipId), $"{shortSide}p.mp4");

    public string PosterPath(int clipId) => Path.Combine(ClipFolder(clipId), PosterFileName);

    /// <summary>A job attempt writes here first, so that a half-written file never takes a finished one's place.</summary>
    public string WorkFolder(int clipId, int attempt) => Path.Combine(ClipFolder(clipId), $"work-{attempt}");

    /// <summary>Removes work folders of earlier attempts (a crashed attempt leaves its half-written files behind).</summary>
    public void DeleteWorkFolders(int clipId)
    {
        var folder = ClipFolder(clipId);
        if (!Directory.Exists(folder)) return;
        foreach (var work in Directory.EnumerateDirectories(folder, "work-*")) TryDelete(work);
    }

    public void DeleteClip(int clipId) => TryDelete(ClipFolder(clipId));

    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
