namespace TrainingLms.Web.Features.TrainingRecords;

/// <summary>Pre-job training (班前培训): class leaders record it, site managers and trainers countersign it. Pages only, no endpoints.</summary>
public static class TrainingRecordsFeature
{
    public static void AddTrainingRecords(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<TrainingRecorder>();
        builder.Services.AddScoped<TrainingOversight>();
        builder.Services.AddScoped<TrainingQueries>();
    }
}
