using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TrainingLms.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web app.</summary>
public class DesignTimeLmsDbContextFactory : IDesignTimeDbContextFactory<LmsDbContext>
{
    public LmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LmsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
