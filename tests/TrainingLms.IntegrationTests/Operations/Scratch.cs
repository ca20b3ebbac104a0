using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Operations;

/// <summary>The folders and databases a test of the commands made, removed when the test class is done.</summary>
public sealed class Scratch : IDisposable
{
    private readonly List<TestDatabase> databases = [];
    private readonly List<string> folders = [];

    public string Folder(string folder)
    {
        folders.Add(folder);
        return folder;
    }

    public TestDatabase Track(TestDatabase database)
    {
        databases.Add(database);
        return database;
    }

    public void Dispose()
    {
        foreach (var database in databases) database.Drop();
        foreach (var folder in folders) SqliteDemoCompany.Delete(folder);
    }
}
