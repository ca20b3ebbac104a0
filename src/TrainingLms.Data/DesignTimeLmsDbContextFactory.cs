using Microsoft.EntityFrameworkCore.Design;

namespace TrainingLms.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model (<c>--context LmsDbContext</c>) without starting the web app.</summary>
public class DesignTimeLmsDbContextFactory : IDesignTimeDbContextFactory<LmsDbContext>
{
    public LmsDbContext CreateDbContext(string[] args) => new(LmsDatabase.Options(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
