using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using TrainingLms.Domain.Clips;
using TrainingLms.Web.Features.Account;
using TrainingLms.Web.Features.Clips.Media;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.Web.Features.Clips;

public sealed record StartUploadRequest(string FileName, long TotalBytes, string? Slug, string? Title, string? Description, ClipKind Kind, int? SiteId, DateOnly? RecordedOn)
{
    public ClipDetails Details => new(Slug ?? "", Title ?? "", Description ?? "", Kind, SiteId, RecordedOn);
}

public sealed record UploadStateResponse(Guid Id, long ReceivedBytes, long TotalBytes, int ChunkBytes);

public sealed record FormErrorsResponse(IReadOnlyDictionary<string, string> Errors);

public sealed record RejectionResponse(string Error);

public sealed record CompletedResponse(int ClipId, string Url);

public sealed record TranscodeStatusResponse(string Status, int ProgressPercent, int Attempts, int MaxAttempts, string? Error, string ClipStatus);

/// <summary>
/// The clip library over HTTP: the chunked upload API and transcoding status for trainers; watch reports; and the
/// bytes — renditions with range requests, posters, originals — each checked against <see cref="ClipAccess"/>.
/// The JSON APIs are called from the app's own pages, which send the antiforgery token in a header.
/// </summary>
public static class ClipEndpoints
{
    public const string VideoContentType = "video/mp4";

    public static void Map(IEndpointRouteBuilder app)
    {
        var uploads = app.MapGroup("/api/clips/uploads").RequireAuthorization(Policies.Trainer).AddEndpointFilter<AntiforgeryHeader>();
        uploads.MapPost("/", StartUpload);
        uploads.MapGet("/{id:guid}", UploadState);
        // The one endpoint whose body may exceed the app's 1 MB; the handler narrows it to the configured chunk size.
        uploads.MapPut("/{id:guid}", AppendChunk).WithMetadata(new RequestBodyLimitAttribute(ClipOptions.MaxChunkBytes + 1L));
        uploads.MapPut("/{id:guid}/details", UpdateUploadDetails);
        uploads.MapPost("/{id:guid}/complete", CompleteUpload);
        uploads.MapDelete("/{id:guid}", CancelUpload);

        app.MapGet("/api/clips/{id:int}/transcode", TranscodeStatus).RequireAuthorization(Policies.Trainer);
        app.MapPost("/api/clips/{id:int}/watch", ReportWatching).RequireAuthorization(Policies.SignedIn)
            .AddEndpointFilter<AntiforgeryHeader>().WithMetadata(new RequestBodyLimitAttribute(64 * 1024));

        var media = app.MapGroup("/clips/{id:int}").RequireAuthorization(Policies.SignedIn);
        media.MapGet("/video/{rendition:regex(^[0-9]{{2,4}}p$)}.mp4", Rendition);
        media.MapGet("/poster.jpg", Poster);
        app.MapGet("/clips/{id:int}/original", Original).RequireAuthorization(Policies.Trainer);
        app.MapGet("/clips/named/{slug}", Named).RequireAuthorization(Policies.SignedIn);
    }

    /// <summary>
    /// A clip by its slug, as drill evidence names it, from a moment: its page, playing from there. The page checks
    /// who may see it.
    /// </summary>
    internal static async Task<Results<RedirectHttpResult, NotFound>> Named(string slug, string? t, IDbContextFactory<LmsDbContext> dbFactory)
    {
        var startAt = QueryValue.Int(t);
        await using var db = await dbFactory.CreateDbContextAsync();
        var id = await db.Clips.Where(c => c.Slug == slug).Select(c => (int?)c.Id).SingleOrDefaultAsync();
        if (id is null) return TypedResults.NotFound();
        return TypedResults.Redirect(startAt is > 0 ? $"/clips/{id}?t={startAt}" : $"/clips/{id}");
    }

    internal static async Task<Results<Created<UploadStateResponse>, BadRequest<FormErrorsResponse>>> StartUpload(
        StartUploadRequest request, ClaimsPrincipal user, ClipUploads uploads, IStringLocalizer<SharedResource> localizer)
    {
        var (state, errors) = await uploads.StartAsync(user.PersonId(), request.FileName ?? "", request.TotalBytes, request.Details);
        return state is null ? TypedResults.BadRequest(new FormErrorsResponse(localizer.Translate(errors))) : TypedResults.Created($"/api/clips/uploads/{state.Id}", Response(state));
    }

    internal static async Task<Results<Ok<UploadStateResponse>, NotFound>> UploadState(Guid id, ClaimsPrincipal user, ClipUploads uploads) =>
        await uploads.StateAsync(user.PersonId(), id) is { } state ? TypedResults.Ok(Response(state)) : TypedResults.NotFound();

    /// <summary>One chunk, <c>?offset=</c> the byte it starts at; streamed to disk as it arrives.</summary>
    internal static async Task<Results<Ok<UploadStateResponse>, Conflict<UploadStateResponse>, NotFound, StatusCodeHttpResult, BadRequest>> AppendChunk(
        Guid id, long? offset, HttpContext context, ClaimsPrincipal user, ClipUploads uploads)
    {
        if (offset is not { } start || start < 0) return TypedResults.BadRequest();
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = uploads.ChunkBytes + 1L;
        var result = await uploads.AppendAsync(user.PersonId(), id, start, context.Request.Body, context.RequestAborted);
        return result.Outcome switch
        {
            AppendOutcome.Appended => TypedResults.Ok(Response(result.State!)),
            AppendOutcome.WrongOffset or AppendOutcome.Busy => TypedResults.Conflict(Response(result.State!)),
            AppendOutcome.TooLarge => TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge),
            _ => TypedResults.NotFound(),
        };
    }

    internal static async Task<Results<NoContent, BadRequest<FormErrorsResponse>, NotFound>> UpdateUploadDetails(Guid id, StartUploadRequest request, ClaimsPrincipal user, ClipUploads uploads, IStringLocalizer<SharedResource> localizer)
    {
        var errors = await uploads.UpdateDetailsAsync(user.PersonId(), id, request.Details);
        if (errors is null) return TypedResults.NotFound();
        return errors.Count > 0 ? TypedResults.BadRequest(new FormErrorsResponse(localizer.Translate(errors))) : TypedResults.NoContent();
    }

    /// <summary>The clip (201), details to correct (400), a refusal that kept nothing (422), or 409 when not every byte is there or another request is completing it.</summary>
    internal static async Task<Results<Created<CompletedResponse>, BadRequest<FormErrorsResponse>, UnprocessableEntity<RejectionResponse>, Conflict<RejectionResponse>, NotFound>> CompleteUpload(
        Guid id, ClaimsPrincipal user, ClipUploads uploads, IStringLocalizer<SharedResource> localizer)
    {
        var result = await uploads.CompleteAsync(user.PersonId(), id);
        if (result.NotFound) return TypedResults.NotFound();
        if (result.Completing) return TypedResults.Conflict(new RejectionResponse(localizer["Clips.Upload.Completing"]));
        if (result.Incomplete) return TypedResults.Conflict(new RejectionResponse(localizer["Clips.Upload.Incomplete"]));
        if (result.Errors.Count > 0) return TypedResults.BadRequest(new FormErrorsResponse(localizer.Translate(result.Errors)));
        if (result.Rejection is { } rejection) return TypedResults.UnprocessableEntity(new RejectionResponse(localizer[$"Clips.Rejection.{rejection}"]));
        var url = $"/clips/{result.ClipId}";
        return TypedResults.Created(url, new CompletedResponse(result.ClipId!.Value, url));
    }

    internal static async Task<Results<NoContent, NotFound>> CancelUpload(Guid id, ClaimsPrincipal user, ClipUploads uploads) =>
        await uploads.CancelAsync(user.PersonId(), id) ? TypedResults.NoContent() : TypedResults.NotFound();

    internal static async Task<Results<Ok<TranscodeStatusResponse>, NotFound>> TranscodeStatus(int id, IDbContextFactory<LmsDbContext> dbFactory, ClipQueries queries)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var clipStatus = await db.Clips.Where(c => c.Id == id).Select(c => (ClipStatus?)c.Status).SingleOrDefaultAsync();
        if (clipStatus is null || await queries.TranscodeAsync(id) is not { } job) return TypedResults.NotFound();
        return TypedResults.Ok(new TranscodeStatusResponse(job.Status.ToString(), job.ProgressPercent, job.Attempts, job.MaxAttempts, job.Error, clipStatus.Value.ToString()));
    }

    internal static async Task<Results<Ok<WatchProgress>, NotFound, ForbidHttpResult403>> ReportWatching(
        int id, WatchReport report, ClaimsPrincipal user, IDbContextFactory<LmsDbContext> dbFactory, WatchTracking watching)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var verdict = await ClipAccess.CheckAsync(db, await ClipViewer.ForAsync(db, user), id);
            if (verdict == ClipAccess.Verdict.NotFound) return TypedResults.NotFound();
            if (verdict == ClipAccess.Verdict.Forbidden) return ForbidHttpResult403.Instance;
        }
        return await watching.RecordAsync(user.PersonId(), id, report) is { } progress ? TypedResults.Ok(progress) : TypedResults.NotFound();
    }

    internal static async Task<IResult> Rendition(int id, string rendition, HttpRequest request, ClaimsPrincipal user, ClipAccessCache access, ClipStorage storage, ClipFileSender sender)
    {
        if (!int.TryParse(rendition[..^1], out var shortSide)) return TypedResults.NotFound();
        return await ServeAsync(id, request, user, access, sender, clip => clip.Renditions.Any(r => r.ShortSide == shortSide) ? storage.RenditionPath(id, shortSide) : null, VideoContentType);
    }

    internal static Task<IResult> Poster(int id, HttpRequest request, ClaimsPrincipal user, ClipAccessCache access, ClipStorage storage, ClipFileSender sender) =>
        ServeAsync(id, request, user, access, sender, clip => clip.HasPoster ? storage.PosterPath(id) : null, "image/jpeg");

    internal static async Task<Results<PhysicalFileHttpResult, NotFound>> Original(int id, IDbContextFactory<LmsDbContext> dbFactory, ClipStorage storage)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var clip = await db.Clips.Where(c => c.Id == id).Select(c => new { c.OriginalExtension, c.Slug }).SingleOrDefaultAsync();
        if (clip is null) return TypedResults.NotFound();
        var file = new FileInfo(storage.OriginalPath(id, clip.OriginalExtension));
        if (!file.Exists) return TypedResults.NotFound();
        return TypedResults.PhysicalFile(file.FullName, "application/octet-stream", clip.Slug + clip.OriginalExtension,
            file.LastWriteTimeUtc, EntityTag(file), enableRangeProcessing: true);
    }

    /// <summary>
    /// A clip's file, with HTTP range requests (206, suffix ranges, 416 for an unsatisfiable range), ETag and
    /// Last-Modified, sent from disk without buffering it. Not found is 404; someone who may not see the clip gets 403.
    /// </summary>
    private static async Task<IResult> ServeAsync(int id, HttpRequest request, ClaimsPrincipal user, ClipAccessCache access, ClipFileSender sender, Func<ServedClip, string?> pathOf, string contentType)
    {
        var clip = await access.GetAsync(user, id);
        if (clip is null) return TypedResults.NotFound();
        if (clip.Verdict == ClipAccess.Verdict.Forbidden) return ForbidHttpResult403.Instance;
        if (clip.Status != ClipStatus.Ready || pathOf(clip) is not { } path || new FileInfo(path) is not { Exists: true } file) return TypedResults.NotFound();
        return sender.Send(request, file, contentType, new PrivateFile(TypedResults.PhysicalFile(file.FullName, contentType, lastModified: file.LastWriteTimeUtc, entityTag: EntityTag(file), enableRangeProcessing: true)));
    }

    private static EntityTagHeaderValue EntityTag(FileInfo file) => new($"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\"");

    private static UploadStateResponse Response(UploadState state) => new(state.Id, state.ReceivedBytes, state.TotalBytes, state.ChunkBytes);

    /// <summary>
    /// Clip files may be kept by the browser, never by a shared cache, and are checked again on every use. They are
    /// sent through <see cref="PipeFileBody"/>.
    /// </summary>
    private sealed class PrivateFile(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.CacheControl = ClipFileSender.CacheControl;
            context.Features.Set<IHttpResponseBodyFeature>(new PipeFileBody(context.Features.GetRequiredFeature<IHttpResponseBodyFeature>()));
            return inner.ExecuteAsync(context);
        }
    }
}
