using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.IntegrationTests.Database;

/// <summary>The app's SQLite connections read the database file through a memory map (<see cref="SqliteMemoryMap"/>).</summary>
[SqliteOnly("The memory map is SQLite's; PostgreSQL's connections are left as they are.")]
public class SqliteMemoryMapTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    private IDbContextFactory<LmsDbContext> Contexts => factory.Services.GetRequiredService<IDbContextFactory<LmsDbContext>>();

    [Fact]
    public async Task EveryConnection_MapsTheFile_AndReadsWhatAnotherConnectionCommitted()
    {
        await using var reader = await Contexts.CreateDbContextAsync();
        await reader.Database.OpenConnectionAsync();
        await using (var pragma = reader.Database.GetDbConnection().CreateCommand())
        {
            pragma.CommandText = "PRAGMA mmap_size;";
            Assert.Equal(SqliteMemoryMap.MappedBytes, (long)(await pragma.ExecuteScalarAsync())!);
        }
        Assert.Equal(0, await reader.Sites.CountAsync(s => s.Code == "MMAP"));

        await using (var writer = await Contexts.CreateDbContextAsync())
        {
            writer.Sites.Add(new Site { Code = "MMAP", Name = "映射项目" });
            await writer.SaveChangesAsync();
        }

        Assert.Equal(1, await reader.Sites.CountAsync(s => s.Code == "MMAP"));
    }

    [Fact]
    public async Task AConnectionOpenedAgain_FromThePool_StillMapsTheFile()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        for (var open = 0; open < 3; open++)
        {
            // Closed, the native connection goes back to the pool, and the next open takes one from there: the map was
            // set once on it and not again.
            await db.Database.OpenConnectionAsync();
            await using (var pragma = db.Database.GetDbConnection().CreateCommand())
            {
                pragma.CommandText = "PRAGMA mmap_size;";
                Assert.Equal(SqliteMemoryMap.MappedBytes, (long)(await pragma.ExecuteScalarAsync())!);
            }
            await db.Database.CloseConnectionAsync();
        }
    }
}
