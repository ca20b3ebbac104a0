using System.Net;
using System.Net.Sockets;

namespace TrainingLms.Web.Infrastructure.Hosting;

/// <summary>
/// The client's address as the forwarded headers left it (they run first): behind the configured proxy the real
/// client's, not the proxy's. Rate limits and sign-in throttling count by it; /healthz shows details to the machine
/// itself by it.
/// </summary>
public static class ClientAddress
{
    /// <summary>What the counters use when the server cannot tell (an in-process test server, a Unix socket).</summary>
    public const string Unknown = "unknown";

    public static IPAddress? Of(HttpContext context) =>
        context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress;

    /// <summary>The key a client is counted under: one per client address.</summary>
    public static string Key(HttpContext context) => Key(Of(context));

    /// <summary>
    /// An IPv4 address as it is; an IPv6 address as its /64 network, because one subscriber is given a whole /64 and
    /// could otherwise take a fresh address for every try.
    /// </summary>
    public static string Key(IPAddress? address)
    {
        if (address is null) return Unknown;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// A request from the machine itself. Behind nginx on the same machine that is only a request without a
    /// forwarded client (nginx's own, a health probe on the machine): a forwarded client is judged by its own address.
    /// </summary>
    public static bool IsLoopback(HttpContext context) => Of(context) is { } address && IPAddress.IsLoopback(address);
}
