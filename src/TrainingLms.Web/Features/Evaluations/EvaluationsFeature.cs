using TrainingLms.Web.Features.Evaluations.Benchmarking;
using TrainingLms.Web.Features.Evaluations.Cycle;
using TrainingLms.Web.Features.Evaluations.Rankings;
using TrainingLms.Web.Features.Evaluations.Scoring;

namespace TrainingLms.Web.Features.Evaluations;

/// <summary>
/// Monthly evaluations and recognition, in four parts: the cycle (forms from content/evaluations, periods), scoring,
/// rankings (publication, appeals, charts, export) and "I Smile, I Act" benchmarking (self, peer and customer
/// ratings, smile stories, the quarterly service star).
/// </summary>
public static class EvaluationsFeature
{
    public static void AddEvaluations(this IHostApplicationBuilder builder)
    {
        builder.AddEvaluationCycle();
        builder.AddScoring();
        builder.AddRankings();
        builder.AddBenchmarking();
    }

    public static void MapEvaluations(this IEndpointRouteBuilder app)
    {
        app.MapRankings();
        app.MapBenchmarking();
    }
}
