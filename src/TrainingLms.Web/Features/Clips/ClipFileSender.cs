namespace TrainingLms.Web.Features.Clips;

/// <summary>
/// Decides who sends an authorised clip file's bytes. Behind nginx configured for it (see the README, "Serving clips
/// through nginx"), the app answers with an X-Accel-Redirect to nginx's internal location and nginx sends the file
/// with sendfile, ranges and validators of its own (nginx asks in an auth subrequest and may reuse an allowed answer
/// for the same cookie and file for 30 s); otherwise the app streams it.
/// </summary>
public sealed class ClipFileSender(IOptions<ClipOptions> options, ClipStorage storage)
{
    public const string CacheControl = "private, no-cache";
    public const string SendfileTypeHeader = "X-Sendfile-Type";
    public const string AccelRedirectHeader = "X-Accel-Redirect";

    public IResult Send(HttpRequest request, FileInfo file, string contentType, IResult fromApp)
    {
        var location = options.Value.AccelRedirectLocation;
        if (location is null || request.Headers[SendfileTypeHeader] != AccelRedirectHeader) return fromApp;
        var relative = Path.GetRelativePath(storage.Root, file.FullName);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return fromApp;
        var uri = location + string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
        return new AccelRedirect(uri, contentType);
    }

    private sealed class AccelRedirect(string uri, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers[AccelRedirectHeader] = uri;
            context.Response.Headers.CacheControl = CacheControl;
            context.Response.ContentType = contentType;
            return Task.CompletedTask;
        }
    }
}
