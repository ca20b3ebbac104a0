using Microsoft.AspNetCore.Http.HttpResults;

namespace TrainingLms.Web.Features.Inspections;

/// <summary>The inspection photos, served only to those who may see the inspection or the rectification (never as static files).</summary>
public static class InspectionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/inspections/photos").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/{id:int}", PhotoAsync);
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> PhotoAsync(int id, ClaimsPrincipal user, InspectionQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        var path = await queries.PhotoFileAsync(InspectionViewer.From(user), id, cancellationToken);
        if (path is null || !File.Exists(path)) return TypedResults.NotFound();
        context.Response.Headers.CacheControl = "private, max-age=86400";
        return TypedResults.PhysicalFile(path, "image/jpeg");
    }
}
