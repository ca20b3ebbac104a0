namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

public static class BenchmarkingFeature
{
    public static void AddBenchmarking(this IHostApplicationBuilder builder)
    {
    }

    public static void MapBenchmarking(this IEndpointRouteBuilder app)
    {
    }
}
