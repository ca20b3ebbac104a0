using Microsoft.EntityFrameworkCore.Design;

namespace TrainingLms.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model (<c>--context PostgreSqlLmsDbContext</c>). Adding a migration
/// connects to nothing; the connection string only names the provider.
/// </summary>
public class DesignTimePostgreSqlLmsDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlLmsDbContext>
{
    public PostgreSqlLmsDbContext CreateDbContext(string[] args) =>
        new(LmsDatabase.Options(DatabaseProvider.PostgreSQL, "Host=localhost;Database=traininglms_design_time"));
}
