using System.Net;

namespace TrainingLms.Web.Infrastructure.Hosting;

/// <summary>
/// The reverse proxies (nginx) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the app believes: from them it
/// takes the client's real address (rate limits, the details of /healthz) and whether the request came over https
/// (Secure cookies, redirects). What anyone else sends in those headers is ignored.
/// </summary>
public class ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>. With <see cref="KnownNetworks"/> also empty: loopback only (nginx on the same machine).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<IPAddress> Addresses => KnownProxies.Select(p => IPAddress.TryParse(p, out var address) ? address : null).OfType<IPAddress>();

    public IEnumerable<IPNetwork> Networks => KnownNetworks.Select(n => IPNetwork.TryParse(n, out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>();
}

/// <summary>Refuses to start with a proxy that is not an address or a network, naming the entry, rather than silently trusting less.</summary>
public sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var errors = options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"{ProxyOptions.SectionName}:{nameof(ProxyOptions.KnownProxies)}: '{p}' is not an IP address.")
            .Concat(options.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _))
                .Select(n => $"{ProxyOptions.SectionName}:{nameof(ProxyOptions.KnownNetworks)}: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/24)."))
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
