using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Clips;
using TrainingLms.Web.Features.Demo;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>The data folder on disk after a real start, a database write and a transcoded clip: nothing in it is open to others.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class DataFolderSecurityTests(ClipsFactory factory, MediaFiles media) : IClassFixture<ClipsFactory>, IClassFixture<MediaFiles>
{
    private const UnixFileMode Others = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public async Task DataFolder_AfterStartAWriteAndAClip_OwnerOnly_DatabaseWalAndKeys0600_Clips0640()
    {
        var trainer = await factory.TrainerAsync();
        var clip = await factory.UploadReadyClipAsync(trainer, await media.SampleAsync(SampleVideo.MovH264));
        await factory.CreatePersonAsync("DF1", [Roles.Employee]);
        var data = factory.DataPath;
        var database = Path.Combine(data, new StorageOptions().DatabaseFileName);

        Assert.Equal(DataFolderSecurity.PrivateFolder, File.GetUnixFileMode(data));
        // On PostgreSQL the database lives on the server: the data folder has no database file, not even an empty one.
        if (TestDatabase.IsPostgreSql) Assert.False(File.Exists(database));
        else foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            Assert.Equal((file, DataFolderSecurity.PrivateFile), (file, File.GetUnixFileMode(file)));
        var keys = Path.Combine(data, "keys");
        Assert.Equal(DataFolderSecurity.PrivateFolder, File.GetUnixFileMode(keys));
        // On PostgreSQL the data-protection keys are in the database, for every app instance; on SQLite in this folder.
        if (TestDatabase.IsPostgreSql)
        {
            await using var db = factory.Database.Open();
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        }
        else Assert.NotEmpty(Directory.GetFiles(keys, "*.xml"));
        Assert.All(Directory.GetFiles(keys), key => Assert.Equal(DataFolderSecurity.PrivateFile, File.GetUnixFileMode(key)));
        Assert.Equal(DataFolderSecurity.PrivateFile, File.GetUnixFileMode(Path.Combine(data, "record-chain.key")));

        var clipFolder = Path.Combine(factory.ClipsFolder, clip.Id.ToString());
        Assert.Contains(Path.Combine(clipFolder, "poster.jpg"), Directory.GetFiles(clipFolder));
        foreach (var entry in new DirectoryInfo(factory.ClipsFolder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Append(new DirectoryInfo(factory.ClipsFolder)))
        {
            var allowed = entry is DirectoryInfo ? DataFolderSecurity.GroupReadableFolder : DataFolderSecurity.GroupReadableFile;
            Assert.True((entry.UnixFileMode & ~allowed) == 0, $"{entry.FullName} is {entry.UnixFileMode}");
        }
        Assert.All(new DirectoryInfo(data).EnumerateFileSystemInfos("*", SearchOption.AllDirectories),
            entry => Assert.True((entry.UnixFileMode & Others) == 0, $"{entry.FullName} is {entry.UnixFileMode}"));
    }

    [Fact]
    public async Task DataFolder_LeftOpenByAnEarlierVersion_IsClosedAtStart()
    {
        await factory.TrainerAsync();
        var data = factory.DataPath;
        var database = Path.Combine(data, new StorageOptions().DatabaseFileName);
        // On PostgreSQL the keys are in the database; a file left from an earlier start on SQLite is closed all the same.
        var key = TestDatabase.IsPostgreSql ? Path.Combine(data, "keys", "key-left-from-sqlite.xml") : Directory.GetFiles(Path.Combine(data, "keys"), "*.xml")[0];
        if (TestDatabase.IsPostgreSql) await File.WriteAllTextAsync(key, "<key />");
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead;
        File.SetUnixFileMode(data, open | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        // A database file exists on SQLite only; on PostgreSQL none is made.
        if (!TestDatabase.IsPostgreSql) File.SetUnixFileMode(database, open);
        File.SetUnixFileMode(key, open);

        factory.Services.SecureDataFolder();

        Assert.Equal(DataFolderSecurity.PrivateFolder, File.GetUnixFileMode(data));
        if (TestDatabase.IsPostgreSql) Assert.False(File.Exists(database));
        else Assert.Equal(DataFolderSecurity.PrivateFile, File.GetUnixFileMode(database));
        Assert.Equal(DataFolderSecurity.PrivateFile, File.GetUnixFileMode(key));
    }
}

/// <summary>The app with a certificate configured for its data-protection keys, made for the test.</summary>
public sealed class CertificateKeysFactory : LmsFactory
{
    public const string CertificatePassword = "keys-test-password";

    public string CertificatePath { get; } = Path.Combine(Path.GetTempPath(), "traininglms-tests", "keys-" + Guid.NewGuid().ToString("N") + ".pfx");

    public X509Certificate2 Certificate { get; }

    public CertificateKeysFactory()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=TrainingLms data-protection keys (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        Directory.CreateDirectory(Path.GetDirectoryName(CertificatePath)!);
        File.WriteAllBytes(CertificatePath, Certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DataProtection:CertificatePath", CertificatePath);
        builder.UseSetting("DataProtection:CertificatePassword", CertificatePassword);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Certificate.Dispose();
        File.Delete(CertificatePath);
    }
}

public class CertificateKeysTests(CertificateKeysFactory factory) : IClassFixture<CertificateKeysFactory>
{
    [Fact]
    public async Task Keys_WithACertificateConfigured_AreEncryptedWhereStored_AndStillReadBack()
    {
        var administrator = await factory.AdministratorClientAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await administrator.GetAsync("/admin/people")).StatusCode);

        // On SQLite the key files in the data folder; on PostgreSQL the rows every instance reads.
        List<string> stored;
        if (TestDatabase.IsPostgreSql)
        {
            await using var db = factory.Database.Open();
            stored = (await db.DataProtectionKeys.Select(k => k.Xml ?? "").ToListAsync()).ToList();
        }
        else stored = [.. await Task.WhenAll(Directory.GetFiles(Path.Combine(factory.DataPath, "keys"), "*.xml").Select(f => File.ReadAllTextAsync(f)))];
        Assert.NotEmpty(stored);
        foreach (var xml in stored)
        {
            Assert.DoesNotContain("<masterKey", xml);
            Assert.Contains("EncryptedData", xml);
            Assert.Contains(Convert.ToBase64String(factory.Certificate.RawData), xml);
        }
        // Read back from where they are stored (not the key ring in memory), decrypting with the certificate.
        var keys = factory.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        Assert.All(keys, key => Assert.NotNull(key.Descriptor));
    }
}
