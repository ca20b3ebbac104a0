using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Demo;
using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Evaluations.Cycle;

namespace TrainingLms.IntegrationTests.Clips;

/// <summary>
/// <c>Hosting:Role</c> in one process: a web instance leaves the queue to the workers, a wrong role stops the start, and
/// on PostgreSQL a worker's claim passes over the job another worker is taking. The roles as real processes sharing one
/// database and one clips folder: <see cref="TranscodeWorkersTests"/>.
/// </summary>
public class HostingRoleTests(MediaFiles media) : IClassFixture<MediaFiles>
{
    private sealed class RoleFactory(string role) : ClipsFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Hosting:Role"] = role };
    }

    [Fact]
    public async Task Web_RunsNoTranscodeWorker_AndLeavesTheJobToAWorker()
    {
        await using var factory = new RoleFactory("Web");
        var background = factory.Services.GetServices<IHostedService>().ToList();
        var trainer = await factory.TrainerAsync();
        var upload = await ClipApi.UploadAsync(trainer, await media.SampleAsync(SampleVideo.MovH264), ClipApi.Details(ClipApi.NewSlug()));
        Assert.Equal(HttpStatusCode.Created, upload.Status);

        // A worker elsewhere finds the job untouched: its first attempt.
        var job = await factory.Services.GetRequiredService<TranscodeQueue>().TryClaimAsync("worker-elsewhere", TestContext.Current.CancellationToken);

        Assert.DoesNotContain(background, service => service is TranscodeWorker);
        Assert.Contains(background, service => service is AbandonedUploadSweeper);
        Assert.Equal((upload.ClipId, 1), (job?.ClipId, job?.Attempt));
    }

    [Fact]
    public async Task Worker_RunsTheTranscodeQueueAlone_NoneOfThePagesBackgroundWork()
    {
        // No administrator is made: a worker prepares nothing for the pages, not even the roles.
        await using var factory = new RoleFactory("Worker") { EmptyDatabase = true };

        var background = factory.Services.GetServices<IHostedService>().ToList();

        Assert.Contains(background, service => service is TranscodeWorker);
        Assert.DoesNotContain(background, service => service is AbandonedUploadSweeper or PeriodOpener);
    }

    [Theory]
    [InlineData("Cook")]
    [InlineData("1")]
    public async Task Role_NotAllWebOrWorker_StopsTheStartAndSaysWhy(string role)
    {
        await using var factory = new RoleFactory(role);

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains($"Hosting:Role is All (the default), Web or Worker, not '{role}'", error.ToString());
    }

    [Fact]
    [PostgreSqlOnly("Row locks: a SQLite writer locks the whole file, so there is no row to pass over; there workers take turns")]
    public async Task Claim_PassesOverTheJobAnotherWorkerIsTaking_WithoutWaitingForIt()
    {
        await using var factory = new RoleFactory("Web");
        var trainer = await factory.TrainerAsync();
        var source = await media.SampleAsync(SampleVideo.MovH264);
        var first = await ClipApi.UploadAsync(trainer, source, ClipApi.Details(ClipApi.NewSlug()));
        var second = await ClipApi.UploadAsync(trainer, source, ClipApi.Details(ClipApi.NewSlug()));
        var queue = factory.Services.GetRequiredService<TranscodeQueue>();

        // Another worker is in the middle of taking the oldest job: its row is locked until that worker's transaction ends.
        await using var other = new NpgsqlConnection(factory.Database.ConnectionString);
        await other.OpenAsync(TestContext.Current.CancellationToken);
        await using var taking = await other.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var lockRow = new NpgsqlCommand("""SELECT "Id" FROM "TranscodeJobs" WHERE "ClipId" = @clip FOR UPDATE""", other, taking))
        {
            lockRow.Parameters.AddWithValue("clip", first.ClipId!.Value);
            Assert.NotNull(await lockRow.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        // Only a safety net: waiting for the lock instead of passing over the row would end here.
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var claimed = await queue.TryClaimAsync("worker-b", safety.Token);
        await taking.RollbackAsync(TestContext.Current.CancellationToken);
        var next = await queue.TryClaimAsync("worker-c", TestContext.Current.CancellationToken);
        var owners = await factory.WithDbAsync(db => db.TranscodeJobs.Where(j => j.ClipId == first.ClipId || j.ClipId == second.ClipId)
            .OrderBy(j => j.ClipId).Select(j => j.LeaseOwner).ToListAsync());

        Assert.Equal((second.ClipId, 1), (claimed?.ClipId, claimed?.Attempt));
        Assert.Equal((first.ClipId, 1), (next?.ClipId, next?.Attempt));
        Assert.Equal(["worker-c", "worker-b"], owners);
    }
}
