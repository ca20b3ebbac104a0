using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>
/// A self-signed certificate for 127.0.0.1, made for one test run and written as PEM files for nginx; clients of the
/// test trust this one certificate and nothing else.
/// </summary>
public sealed class TestCertificate
{
    private TestCertificate(string certificatePath, string keyPath, string thumbprint) =>
        (CertificatePath, KeyPath, Thumbprint) = (certificatePath, keyPath, thumbprint);

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public string Thumbprint { get; }

    public static TestCertificate Create(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(folder, "lms.crt");
        var keyPath = Path.Combine(folder, "lms.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new(certificatePath, keyPath, certificate.Thumbprint);
    }

    /// <summary>
    /// A browser-like client (cookies kept, redirects not followed) that trusts only this certificate and connects from
    /// <paramref name="source"/>, a loopback address of its own (127.0.0.2, 127.0.0.3 …), as separate phones would.
    /// </summary>
    public HttpClient Client(string baseUrl, IPAddress source) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, presented, _, _) => Trusts(presented) },
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        }) { BaseAddress = new Uri(baseUrl) };

    public bool Trusts(X509Certificate? presented) =>
        presented is not null && string.Equals(presented.GetCertHashString(), Thumbprint, StringComparison.OrdinalIgnoreCase);
}
