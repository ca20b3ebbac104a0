using System.Net;

namespace TrainingLms.Web.Infrastructure.Hosting;

/// <summary>
/// The client's address as the forwarded headers left it (they run first): behind the configured proxy the real
/// client's, not the proxy's. Rate limits partition by it; /healthz shows details to the machine itself by it.
/// </summary>
public static class ClientAddress
{
    public static IPAddress? Of(HttpContext context) =>
        context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress;

    /// <summary>A rate-limit partition key: one per client address.</summary>
    public static string Key(HttpContext context) => Of(context)?.ToString() ?? "unknown";

    /// <summary>
    /// A request from the machine itself. Behind nginx on the same machine that is only a request without a
    /// forwarded client (nginx's own, a health probe on the machine): a forwarded client is judged by its own address.
    /// </summary>
    public static bool IsLoopback(HttpContext context) => Of(context) is { } address && IPAddress.IsLoopback(address);
}
