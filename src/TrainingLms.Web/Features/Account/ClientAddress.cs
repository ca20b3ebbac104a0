using System.Net;
using System.Net.Sockets;

namespace TrainingLms.Web.Features.Account;

/// <summary>The client address sign-in tries are counted under.</summary>
public static class ClientAddress
{
    /// <summary>What the counters use when the server cannot tell (an in-process test server, a Unix socket).</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// An IPv4 address as it is; an IPv6 address as its /64 network, because one subscriber is given a whole /64 and
    /// could otherwise take a fresh address for every try.
    /// </summary>
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null) return Unknown;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
