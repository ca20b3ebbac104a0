using Microsoft.AspNetCore.Http.HttpResults;

namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

/// <summary>The files of the feature: a feedback code's QR code, for printing.</summary>
public static class BenchmarkEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/benchmark/codes/{id:int}/qr", Qr).RequireAuthorization(Policies.Trainer);
    }

    internal static async Task<Results<ContentHttpResult, NotFound>> Qr(int id, HttpContext context, FeedbackCodes codes)
    {
        if (await codes.FindAsync(id) is not { } code) return TypedResults.NotFound();
        return TypedResults.Content(FeedbackCodes.QrSvg(codes.PublicUrl(context.Request, code.Code)), "image/svg+xml");
    }
}
