namespace TrainingLms.Web.Infrastructure;

public static class DbContextFactoryExtensions
{
    /// <summary>
    /// A context whose connection stays open until it is disposed, for a page that runs several queries in a row:
    /// otherwise each query takes a connection from the pool and sets it up again.
    /// </summary>
    public static async Task<LmsDbContext> CreateOpenDbContextAsync(this IDbContextFactory<LmsDbContext> factory, CancellationToken cancellationToken = default)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
