using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingLms.IntegrationTests.Routes;

/// <summary>One method of one route, with the query parameters its page or handler reads.</summary>
public sealed record CatalogRoute(string Method, RoutePattern Pattern, IReadOnlyList<string> QueryParameters)
{
    public string Text => "/" + (Pattern.RawText ?? "").TrimStart('/');
}

/// <summary>
/// Every route of the app, read from its own endpoint data sources as RouteAuthorizationTests does, with the query
/// parameter names each declares: a page's [SupplyParameterFromQuery] properties, a minimal API handler's simple
/// parameters that are neither route values, services nor form or body. A route added later is walked without
/// anyone remembering it.
/// </summary>
public static class RouteCatalog
{
    public static List<CatalogRoute> Read(IServiceProvider services)
    {
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        return [.. services.GetServices<EndpointDataSource>().SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => !IsFrameworkPlumbing(endpoint.RoutePattern.RawText ?? ""))
            .SelectMany(endpoint => Methods(endpoint).Select(method => new CatalogRoute(method, endpoint.RoutePattern, QueryParameters(endpoint, isService))))];
    }

    private static IReadOnlyList<string> QueryParameters(RouteEndpoint endpoint, IServiceProviderIsService isService)
    {
        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is { } component)
            return [.. component.Type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(property => (property, query: property.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(p => p.query is not null)
                .Select(p => p.query!.Name ?? p.property.Name)];
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler) return [];
        var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. handler.GetParameters()
            .Where(parameter => !routeValues.Contains(parameter.Name!) && IsQueryBound(parameter, isService))
            .Select(parameter => parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!)];
    }

    private static bool IsQueryBound(ParameterInfo parameter, IServiceProviderIsService isService)
    {
        if (parameter.GetCustomAttribute<FromQueryAttribute>() is not null) return true;
        if (parameter.GetCustomAttributes().Any(a => a is FromFormAttribute or FromBodyAttribute or FromServicesAttribute or FromHeaderAttribute or AsParametersAttribute)) return false;
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (isService.IsService(type)) return false;
        return type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(DateOnly) || type == typeof(DateTime)
            || type == typeof(Guid) || type == typeof(decimal) || type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is not null;
    }

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : [HttpMethods.Get];

    /// <summary>The Blazor circuit hub and framework files, mapped by the framework rather than by a feature.</summary>
    private static bool IsFrameworkPlumbing(string pattern) => pattern.TrimStart('/').StartsWith('_');
}
