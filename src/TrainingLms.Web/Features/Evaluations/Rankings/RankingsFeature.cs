namespace TrainingLms.Web.Features.Evaluations.Rankings;

public static class RankingsFeature
{
    public static void AddRankings(this IHostApplicationBuilder builder)
    {
    }

    public static void MapRankings(this IEndpointRouteBuilder app)
    {
    }
}
