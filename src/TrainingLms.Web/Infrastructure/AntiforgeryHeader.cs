using Microsoft.AspNetCore.Antiforgery;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// Checks the antiforgery token the app's scripts send in a header. The framework's middleware checks only form
/// posts, and these endpoints take JSON or raw bytes; a state-changing request without a valid token gets 400.
/// </summary>
public sealed class AntiforgeryHeader(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
            return TypedResults.BadRequest();
        return await next(context);
    }
}
