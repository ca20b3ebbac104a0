namespace TrainingLms.Web.Features.Evaluations.Cycle;

public static class EvaluationCycleFeature
{
    public static void AddEvaluationCycle(this IHostApplicationBuilder builder)
    {
    }

    public static void MapEvaluationCycle(this IEndpointRouteBuilder app)
    {
    }
}
