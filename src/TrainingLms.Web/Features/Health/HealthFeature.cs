using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Infrastructure.Hosting;

namespace TrainingLms.Web.Features.Health;

/// <summary>
/// /healthz: database, data folder and video tools, for operators and load balancers. Anyone learns the status
/// (Healthy, Degraded, Unhealthy; 503 when unhealthy); the details — versions, the data folder's path, what failed —
/// only an administrator or a caller on the machine itself, judged by the client's address after the forwarded
/// headers, so a client that nginx on the same machine forwards counts as the client it is.
/// </summary>
public static class HealthFeature
{
    public const string Path = "/healthz";

    public static void AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DatabaseHealthCheck>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<DataFolderHealthCheck>("dataFolder")
            .AddCheck<MediaToolsHealthCheck>("ffmpeg", failureStatus: HealthStatus.Degraded);
    }

    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).AllowAnonymous();

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        if (!ShowsDetails(context))
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }, JsonSerializerOptions.Web));
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, data = entry.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    internal static bool ShowsDetails(HttpContext context) => ClientAddress.IsLoopback(context) || context.User.IsInRole(Roles.Admin);
}
