using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.IntegrationTests.Infrastructure;

public class UniqueIndexTests(LmsFactory factory) : IClassFixture<LmsFactory>
{
    [Fact]
    public async Task SaveOnce_RowTheUniqueIndexHolds_ReturnsFalseAndKeepsOne()
    {
        var code = "U" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(await SaveAsync(db => db.Sites.Add(new Site { Code = code, Name = "甲" + code })));

        var saved = await SaveAsync(db => db.Sites.Add(new Site { Code = code, Name = "乙" + code }));

        Assert.False(saved);
        await using var db = await NewContextAsync();
        Assert.Equal(1, await db.Sites.CountAsync(s => s.Code == code));
    }

    [Fact]
    public async Task SaveOnce_ForeignKeyFailure_IsNotTakenForADoubleTap()
    {
        var failure = await Assert.ThrowsAsync<DbUpdateException>(
            () => SaveAsync(db => db.Teams.Add(new Team { SiteId = int.MaxValue, Name = "无此项目的班组" })));

        Assert.False(UniqueIndex.IsViolation(failure));
        Assert.Contains("foreign key", failure.InnerException?.Message, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<bool> SaveAsync(Action<LmsDbContext> change)
    {
        await using var db = await NewContextAsync();
        change(db);
        return await UniqueIndex.SaveOnceAsync(db);
    }

    private Task<LmsDbContext> NewContextAsync() =>
        factory.Services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync();
}
