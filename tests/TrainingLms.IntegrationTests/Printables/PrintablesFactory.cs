using Microsoft.AspNetCore.Hosting;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Printables;

/// <summary>The app on a copy of the repository's content/ folder, which a test may edit while the app runs.</summary>
public sealed class PrintablesFactory : LmsFactory
{
    public string ContentPath { get; } = Path.Combine(Path.GetTempPath(), "traininglms-tests", "content-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where the PDFs the tests download are kept for people to look at (TestResults/ is not in git).</summary>
    public static string Keep { get; } = Path.Combine(RepositoryRoot(), "TestResults", "printables");

    public PrintablesFactory()
    {
        Copy(Path.Combine(RepositoryRoot(), "content"), ContentPath);
        Directory.CreateDirectory(Keep);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Content:Path", ContentPath);
    }

    public string PrintablePath(string fileName) => Path.Combine(ContentPath, "printables", fileName);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "TrainingLms.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds TrainingLms.sln");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(ContentPath, recursive: true); } catch (IOException) { }
    }
}
