using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using IPNetwork = System.Net.IPNetwork;

namespace TrainingLms.Web.Infrastructure.Hosting;

/// <summary>
/// The instance's role (<see cref="HostingOptions"/>), and running behind a TLS proxy and facing the internet: forwarded
/// headers, browser protections, body limits.
/// </summary>
public static class HostingExtensions
{
    public static void AddHosting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var hosting = HostingOptions.Read(builder.Configuration);
        services.AddSingleton(Options.Create(hosting));
        if (!hosting.ServesPages) services.AddSingleton<IServer, NoServer>();
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddOptions<PublicAddressOptions>().BindConfiguration(PublicAddressOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublicAddress>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RateLimitCounter>();
        services.AddOptions<InstanceOptions>().BindConfiguration(InstanceOptions.SectionName)
            .Validate(o => o.InstanceName.Length <= 64 && o.InstanceName.All(c => c is > ' ' and < '\x7f'), "Hosting:InstanceName must be at most 64 visible ASCII characters (it is sent in a header).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Every hop from a known proxy is followed, and the first address that is not one is the client; with nginx
            // at the edge setting X-Forwarded-For to $remote_addr there is exactly one.
            forwarded.ForwardLimit = null;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            var addresses = proxy.Value.Addresses.ToList();
            var networks = proxy.Value.Networks.ToList();
            if (addresses.Count == 0 && networks.Count == 0)
            {
                addresses.Add(IPAddress.IPv6Loopback);
                networks.Add(new IPNetwork(IPAddress.Loopback, 8));
            }
            foreach (var address in addresses) forwarded.KnownProxies.Add(address);
            foreach (var network in networks) forwarded.KnownIPNetworks.Add(network);
        });

        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.SignedInBodyBytes);
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = RequestLimits.SignedInBodyBytes);
        // Over https (directly or as the proxy says) the antiforgery cookie is Secure too, like the sign-in cookie.
        services.Configure<AntiforgeryOptions>(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>First in the pipeline: everything after sees the real client and scheme, and every answer gets the headers.</summary>
    public static void UseHosting(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseInstanceName();
    }
}
