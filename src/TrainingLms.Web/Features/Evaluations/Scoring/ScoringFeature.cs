namespace TrainingLms.Web.Features.Evaluations.Scoring;

/// <summary>Evaluators' lists and scoring forms, computed criteria, and the administrators' view of each period.</summary>
public static class ScoringFeature
{
    public static void AddScoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ComputedCriteria>();
        builder.Services.AddScoped<EvaluationSheets>();
        builder.Services.AddScoped<PeriodAdministration>();
        builder.Services.AddSingleton<ClosedPeriodCounts>();
    }
}
