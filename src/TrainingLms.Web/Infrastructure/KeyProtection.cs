using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging.Abstractions;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// The certificate that encrypts the sign-in (data-protection) keys at rest: a PKCS#12 file with its private key.
/// Unset, the keys are only as private as where they are stored: their folder (0700, files 0600) on SQLite, the
/// database on PostgreSQL (<see cref="DatabaseSetup.AddStorage"/>).
/// </summary>
public class KeyProtectionOptions
{
    public const string SectionName = "DataProtection";

    public string CertificatePath { get; set; } = "";

    public string? CertificatePassword { get; set; }
}

public static class KeyProtection
{
    /// <summary>
    /// Encrypts new keys with the configured certificate and decrypts with it. Read from configuration while the
    /// services are registered, because the decryption certificates can only be given then; a missing file, a wrong
    /// password or a certificate without its private key stops the start with the reason.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(options.CertificatePath)) return dataProtection;
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath {options.CertificatePath} could not be loaded (is the file there, a PKCS#12 file, and the password right?): {e.Message}", e);
        }
        if (!certificate.HasPrivateKey) throw new InvalidOperationException($"DataProtection:CertificatePath {options.CertificatePath} holds no private key: the keys could be encrypted but never read back.");
        return dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}

/// <summary>The data-protection keys in their folder, each written 0600 (the process's umask alone would give 0640).</summary>
public sealed class PrivateFileSystemXmlRepository(DirectoryInfo directory) : FileSystemXmlRepository(directory, NullLoggerFactory.Instance)
{
    public override void StoreElement(XElement element, string friendlyName)
    {
        base.StoreElement(element, friendlyName);
        DataFolderSecurity.Restrict(Directory.FullName, DataFolderSecurity.PrivateFolder, DataFolderSecurity.PrivateFile, create: false);
    }
}
