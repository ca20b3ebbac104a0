namespace TrainingLms.Web.Infrastructure;

/// <summary>A plain 403 for an API or file request (the cookie scheme would answer a forbid with a redirect to a page).</summary>
public sealed class ForbidHttpResult403 : IResult, IStatusCodeHttpResult
{
    public static readonly ForbidHttpResult403 Instance = new();

    public int? StatusCode => StatusCodes.Status403Forbidden;

    public Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
