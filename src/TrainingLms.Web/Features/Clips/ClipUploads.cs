using TrainingLms.Domain.Clips;
using TrainingLms.Web.Features.Clips.Media;

namespace TrainingLms.Web.Features.Clips;

/// <summary>Where an upload stands: the bytes that arrived (the offset to send the next chunk from) and the total.</summary>
public sealed record UploadState(Guid Id, long ReceivedBytes, long TotalBytes, int ChunkBytes);

public enum AppendOutcome
{
    Appended = 1,
    NotFound = 2,
    /// <summary>The chunk does not start where the file ends (a retry of a chunk that did arrive, or a gap); the state says where.</summary>
    WrongOffset = 3,
    TooLarge = 4,
    /// <summary>Another request is writing this upload right now.</summary>
    Busy = 5,
}

public sealed record AppendResult(AppendOutcome Outcome, UploadState? State);

/// <summary>
/// The end of an upload: the clip it became, the trainer's mistakes to correct (the bytes are kept), or a refusal.
/// <paramref name="Completing"/>: another request is completing it (or writing a chunk) right now.
/// </summary>
public sealed record CompleteResult(int? ClipId, ClipRejection? Rejection, IReadOnlyDictionary<string, string> Errors, bool NotFound = false, bool Incomplete = false, bool Completing = false);

/// <summary>
/// Chunked, resumable uploads. Each chunk is streamed from the request straight onto the end of the upload's file,
/// never held in memory. The file on disk is the truth about how much arrived: a chunk cut off half-way leaves
/// its first part, and the client asks for the offset and carries on from there.
/// </summary>
public sealed class ClipUploads(
    IDbContextFactory<LmsDbContext> dbFactory, ClipStorage storage, ClipIntake intake, ClipDetailsRules rules,
    IOptions<ClipOptions> options, TimeProvider clock)
{
    private const int CopyBufferBytes = 81920;

    public int ChunkBytes => options.Value.ChunkBytes;

    /// <summary>Starts an upload after checking the details and the size, before any byte is sent.</summary>
    public async Task<(UploadState? State, IReadOnlyDictionary<string, string> Errors)> StartAsync(
        string personId, string fileName, long totalBytes, ClipDetails details, CancellationToken cancellationToken = default)
    {
        details = details.Tidy();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await rules.CheckAsync(db, details, null, cancellationToken);
        fileName = Path.GetFileName(fileName.Trim());
        if (fileName.Length is 0 or > ClipUpload.MaxFileNameLength) errors["File"] = "Clips.Upload.NoFile";
        else if (totalBytes <= 0) errors["File"] = "Clips.Rejection.Unreadable";
        else if (totalBytes > options.Value.MaxUploadBytes) errors["File"] = ErrorKey.With("Clips.Upload.TooLarge", Bytes(options.Value.MaxUploadBytes));
        if (errors.Count > 0) return (null, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var upload = new ClipUpload { Id = Guid.NewGuid(), PersonId = personId, FileName = fileName, TotalBytes = totalBytes, Details = details, CreatedAtUtc = now, UpdatedAtUtc = now };
        Directory.CreateDirectory(storage.UploadsFolder);
        await File.WriteAllBytesAsync(storage.UploadPath(upload.Id), [], cancellationToken);
        db.ClipUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return (State(upload, 0), errors);
    }

    public async Task<UploadState?> StateAsync(string personId, Guid uploadId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var upload = await FindAsync(db, personId, uploadId, cancellationToken);
        return upload is null ? null : State(upload, ReceivedOnDisk(upload));
    }

    /// <summary>Appends one chunk that starts at <paramref name="offset"/>, streaming it to disk.</summary>
    public async Task<AppendResult> AppendAsync(string personId, Guid uploadId, long offset, Stream body, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var upload = await FindAsync(db, personId, uploadId, cancellationToken);
        if (upload is null) return new(AppendOutcome.NotFound, null);

        FileStream file;
        try
        {
            // FileShare.None takes an exclusive lock: a second request for the same upload waits its turn by failing.
            file = new FileStream(storage.UploadPath(uploadId), FileMode.Open, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException) { return new(AppendOutcome.NotFound, null); }
        catch (IOException) { return new(AppendOutcome.Busy, State(upload, ReceivedOnDisk(upload))); }

        long received;
        await using (file)
        {
            if (offset != file.Length) return new(AppendOutcome.WrongOffset, State(upload, file.Length));
            file.Seek(0, SeekOrigin.End);
            var limit = Math.Min(options.Value.ChunkBytes, upload.TotalBytes - file.Length);
            var tooLarge = false;
            try
            {
                tooLarge = !await CopyAtMostAsync(body, file, limit, cancellationToken);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
            {
                // The connection broke mid-chunk: keep what arrived, the client resumes from there.
            }
            await file.FlushAsync(CancellationToken.None);
            received = file.Length;
            if (tooLarge)
            {
                file.SetLength(offset);
                received = offset;
            }
            await db.ClipUploads.Where(u => u.Id == uploadId).ExecuteUpdateAsync(
                u => u.SetProperty(x => x.ReceivedBytes, received).SetProperty(x => x.UpdatedAtUtc, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
            if (tooLarge) return new(AppendOutcome.TooLarge, State(upload, received));
        }
        return new(AppendOutcome.Appended, State(upload, received));
    }

    /// <summary>
    /// Once every byte is there: takes the file into the library, or refuses it and removes it with the upload. The
    /// upload's file stays locked from the first look to the end, so a second completion at the same time (two tabs, a
    /// retried request) is told the first is under way instead of probing a file that is being moved away.
    /// </summary>
    public async Task<CompleteResult> CompleteAsync(string personId, Guid uploadId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var upload = await FindAsync(db, personId, uploadId, cancellationToken);
        if (upload is null) return new(null, null, new Dictionary<string, string>(), NotFound: true);

        FileStream held;
        try
        {
            // The same exclusive lock a chunk takes while it writes. Renaming the file (into the clip's folder) keeps it.
            held = new FileStream(storage.UploadPath(uploadId), FileMode.Open, FileAccess.Read, FileShare.None);
        }
        // Gone while the row is still there: a completion has just moved it into its clip's folder.
        catch (FileNotFoundException) { return Completing(); }
        catch (IOException) { return Completing(); }

        await using (held)
        {
            if (held.Length != upload.TotalBytes) return new(null, null, new Dictionary<string, string>(), Incomplete: true);
            var result = await intake.AcceptAsync(storage.UploadPath(uploadId), upload.FileName, upload.Details, personId, cancellationToken);
            if (result.Errors.Count > 0) return new(null, null, result.Errors);
            await db.ClipUploads.Where(u => u.Id == uploadId).ExecuteDeleteAsync(CancellationToken.None);
            return new(result.ClipId, result.Rejection, result.Errors);
        }

        static CompleteResult Completing() => new(null, null, new Dictionary<string, string>(), Completing: true);
    }

    /// <summary>Replaces the details of an upload whose completion found mistakes; the bytes stay.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> UpdateDetailsAsync(string personId, Guid uploadId, ClipDetails details, CancellationToken cancellationToken = default)
    {
        details = details.Tidy();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var upload = await db.ClipUploads.SingleOrDefaultAsync(u => u.Id == uploadId && u.PersonId == personId, cancellationToken);
        if (upload is null) return null;
        var errors = await rules.CheckAsync(db, details, null, cancellationToken);
        if (errors.Count > 0) return errors;
        upload.Details = details;
        upload.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public async Task<bool> CancelAsync(string personId, Guid uploadId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.ClipUploads.Where(u => u.Id == uploadId && u.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) ClipStorage.TryDelete(storage.UploadPath(uploadId));
        return deleted > 0;
    }

    /// <summary>Removes uploads nobody continued for a while, with their files (and stray files of no upload).</summary>
    public async Task<int> RemoveAbandonedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var before = clock.GetUtcNow().UtcDateTime.AddHours(-options.Value.AbandonedUploadHours);
        await db.ClipUploads.Where(u => u.UpdatedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
        if (!Directory.Exists(storage.UploadsFolder)) return 0;
        var live = (await db.ClipUploads.Select(u => u.Id).ToListAsync(cancellationToken)).Select(storage.UploadPath).ToHashSet();
        // Only old files: a young one may belong to an upload whose row is being written this instant.
        var stale = Directory.EnumerateFiles(storage.UploadsFolder, "*.part").Where(f => !live.Contains(f) && File.GetLastWriteTimeUtc(f) < before).ToList();
        foreach (var file in stale) ClipStorage.TryDelete(file);
        return stale.Count;
    }

    private static Task<ClipUpload?> FindAsync(LmsDbContext db, string personId, Guid uploadId, CancellationToken cancellationToken) =>
        db.ClipUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId && u.PersonId == personId, cancellationToken);

    private long ReceivedOnDisk(ClipUpload upload)
    {
        var file = new FileInfo(storage.UploadPath(upload.Id));
        return file.Exists ? file.Length : 0;
    }

    private UploadState State(ClipUpload upload, long received) => new(upload.Id, received, upload.TotalBytes, options.Value.ChunkBytes);

    /// <returns>False when the body holds more than <paramref name="limit"/> bytes.</returns>
    private static async Task<bool> CopyAtMostAsync(Stream source, Stream destination, long limit, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
        try
        {
            long copied = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, CopyBufferBytes), cancellationToken)) > 0)
            {
                if (copied + read > limit) return false;
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                copied += read;
            }
            return true;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static string Bytes(long bytes) => bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):0.#} GB" : $"{bytes / (double)(1L << 20):0.#} MB";
}
