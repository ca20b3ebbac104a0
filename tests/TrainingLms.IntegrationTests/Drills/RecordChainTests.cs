using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.IntegrationTests.Operations;
using TrainingLms.Web.Features.Drills;
using TrainingLms.Web.Features.Drills.Records;
using static TrainingLms.IntegrationTests.Drills.DrillForms;

namespace TrainingLms.IntegrationTests.Drills;

/// <summary>
/// The record chain on a real database: each test has its own app (the chain is the whole installation's), signs
/// results through the forms, then changes the database the way someone holding the file could.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class RecordChainTests
{
    private const string Broken = "签核记录链已断裂";

    /// <summary>A pass (so a certificate), a fail, and an annulled pass countersigned by a second trainer.</summary>
    private static async Task<(DrillSetUp Pass, DrillSetUp Fail, DrillSetUp Annulled)> HistoryAsync(DrillsFactory factory)
    {
        var pass = await SignedAsync(factory, "CA", FullMarks);
        var fail = await SignedAsync(factory, "CB", SmileMissed);
        var annulled = await SignedAsync(factory, "CC", FullMarks);
        var path = $"/drills/attempts/{annulled.AttemptId}";
        await factory.CreateStaffAsync("CC-T2", annulled.SiteId, null, "复核培训师", Roles.Trainer, Roles.Employee);
        var requested = await (await factory.SignedInAsync(annulled.TrainerNumber)).PostFieldsAsync(path, "annul", [new("reason", "误记"), new("password", LmsFactory.Password)]);
        Assert.Equal($"{path}?done=requested", requested.RedirectPath());
        var countersigned = await (await factory.SignedInAsync("CC-T2")).PostFieldsAsync(path, "countersign", [new("password", LmsFactory.Password)]);
        Assert.Equal($"{path}?done=annulled", countersigned.RedirectPath());
        return (pass, fail, annulled);
    }

    private static async Task<DrillSetUp> SignedAsync(DrillsFactory factory, string prefix, (string, string)[] scores)
    {
        var drill = await factory.SessionAsync(prefix);
        var signed = await SignAsync(await factory.SignedInAsync(drill.TrainerNumber), drill.AttemptId, scores);
        Assert.Equal($"/drills/attempts/{drill.AttemptId}?done=signed", signed.RedirectPath());
        return drill;
    }

    private static Task<RecordChainReport> VerifyAsync(DrillsFactory factory) =>
        factory.WithScopeAsync(services => services.GetRequiredService<RecordChainVerifier>().VerifyAsync());

    private static Task<long> LinkOfAsync(DrillsFactory factory, ChainedRecordKind kind, string key) =>
        factory.WithDbAsync(db => db.RecordChainLinks.Where(l => l.Kind == kind && l.RecordKey == key).Select(l => l.Sequence).SingleAsync());

    [Fact]
    public async Task Chain_IntactThenAScoreEditedWithTheRecordsHashRedone_TheCommandAtOnce_TheBoardAndTheDrillsPageWithinAMinute_NameTheBreak()
    {
        await using var factory = new DrillsFactory();
        var (pass, fail, annulled) = await HistoryAsync(factory);
        await factory.CreateStaffAsync("CB-M", fail.SiteId, null, "经理", Roles.Manager, Roles.Employee);
        var administrator = await factory.AdministratorClientAsync();
        var trainer = await factory.SignedInAsync(annulled.TrainerNumber);

        var intact = await VerifyAsync(factory);
        Assert.True(intact.IsIntact, string.Join("; ", intact.Breaks));
        // Three results, one annulment, two certificates (the annulled pass had one too), in one line.
        Assert.Equal((6, 6), (intact.Links, intact.Records));
        var kinds = await factory.WithDbAsync(db => db.RecordChainLinks.OrderBy(l => l.Sequence).Select(l => l.Kind).ToListAsync());
        Assert.Equal((3, 1, 2), (kinds.Count(k => k == ChainedRecordKind.DrillResult), kinds.Count(k => k == ChainedRecordKind.Annulment), kinds.Count(k => k == ChainedRecordKind.Certificate)));
        var (intactCode, intactOutput) = await RunVerifyAsync(factory);
        Assert.True(intactCode == 0, intactOutput);
        Assert.Contains("Intact", intactOutput);
        Assert.DoesNotContain(Broken, await administrator.GetStringAsync($"/clearance?site={pass.SiteId}"));
        Assert.DoesNotContain(Broken, await trainer.GetStringAsync("/drills"));

        // The failed smile becomes full marks, and the SHA-256 of the record is redone as anyone can: the row agrees with its hash again.
        await factory.TamperAsync(db => db.DrillScores.Where(s => s.AttemptId == fail.AttemptId && s.CriterionKey == "smile").ExecuteUpdateAsync(s => s.SetProperty(x => x.Score, 3)));
        var row = await factory.WithDbAsync(db => AttemptRecords.Query(db, a => a.Id == fail.AttemptId).SingleAsync());
        await factory.TamperAsync(db => db.DrillAttempts.Where(a => a.Id == fail.AttemptId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ContentHash, row.Record()!.Hash())));
        Assert.True((await factory.WithDbAsync(db => AttemptRecords.Query(db, a => a.Id == fail.AttemptId).SingleAsync())).IsIntact);

        var report = await VerifyAsync(factory);
        var link = await LinkOfAsync(factory, ChainedRecordKind.DrillResult, fail.AttemptId.ToString());
        Assert.False(report.IsIntact);
        Assert.Equal(new ChainBreak(link, ChainedRecordKind.DrillResult, fail.AttemptId.ToString(), ChainBreakReason.RecordChanged), report.Breaks[0]);
        var (brokenCode, brokenOutput) = await RunVerifyAsync(factory);
        Assert.True(brokenCode == 1, brokenOutput);
        Assert.Contains($"First: drill result #{fail.AttemptId} (link {link}) was changed after signing", brokenOutput);
        var expected = $"演练结果 #{fail.AttemptId}（第 {link} 环）在签核后被修改";
        // The pages name the chain from its last full check, made at most once a minute (RecordChainMonitor): within the
        // minute they still show the check before the tampering, once it has passed they check again.
        Assert.DoesNotContain(Broken, await trainer.GetStringAsync("/drills"));
        factory.Clock.UtcNow += new RecordChainOptions().RecheckEvery;
        var board = await administrator.GetStringAsync($"/clearance?site={pass.SiteId}");
        Assert.Contains(Broken, board);
        Assert.Contains(expected, board);
        Assert.Contains(expected, await trainer.GetStringAsync("/drills"));
        // A manager is not told: the notice is for those who can act on it.
        Assert.DoesNotContain(Broken, await (await factory.SignedInAsync("CB-M")).GetStringAsync("/clearance"));
    }

    [Fact]
    public async Task Chain_ALinkForgedWithoutTheKey_RecordsDeleted_AResultSignedBehindTheAppsBack_AnAnnulmentUndone_EachIsFound()
    {
        await using var factory = new DrillsFactory();
        var (pass, fail, annulled) = await HistoryAsync(factory);

        // A result edited, its hash redone, and its link rewritten to match, the MAC computed with the only key the forger has: a guess.
        await factory.TamperAsync(db => db.DrillScores.Where(s => s.AttemptId == fail.AttemptId && s.CriterionKey == "smile").ExecuteUpdateAsync(s => s.SetProperty(x => x.Score, 3)));
        var hash = (await factory.WithDbAsync(db => AttemptRecords.Query(db, a => a.Id == fail.AttemptId).SingleAsync())).Record()!.Hash();
        await factory.TamperAsync(db => db.DrillAttempts.Where(a => a.Id == fail.AttemptId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ContentHash, hash)));
        var failLink = await LinkOfAsync(factory, ChainedRecordKind.DrillResult, fail.AttemptId.ToString());
        var link = await factory.WithDbAsync(db => db.RecordChainLinks.AsNoTracking().SingleAsync(l => l.Sequence == failLink));
        link.ContentHash = hash;
        var forged = RecordChain.Mac(link, RandomNumberGenerator.GetBytes(RecordChain.KeyBytes));
        await factory.TamperAsync(db => db.RecordChainLinks.Where(l => l.Sequence == failLink).ExecuteUpdateAsync(s => s.SetProperty(l => l.ContentHash, hash).SetProperty(l => l.Mac, forged)));
        await factory.TamperAsync(db => db.RecordChainLinks.Where(l => l.Sequence == failLink + 1).ExecuteUpdateAsync(s => s.SetProperty(l => l.PreviousMac, forged)));

        Assert.Equal(new ChainBreak(failLink, ChainedRecordKind.DrillResult, fail.AttemptId.ToString(), ChainBreakReason.LinkAltered), (await VerifyAsync(factory)).Breaks[0]);

        // A certificate deleted.
        var code = await factory.WithDbAsync(db => db.Certificates.Where(c => c.PersonId == pass.CandidateId).Select(c => c.Code).SingleAsync());
        var certificateLink = await LinkOfAsync(factory, ChainedRecordKind.Certificate, code);
        await factory.TamperAsync(db => db.Certificates.Where(c => c.Code == code).ExecuteDeleteAsync());
        Assert.Contains(new ChainBreak(certificateLink, ChainedRecordKind.Certificate, code, ChainBreakReason.RecordDeleted), (await VerifyAsync(factory)).Breaks);

        // The pass deleted with its link: the chain has a hole where it was.
        var passLink = await LinkOfAsync(factory, ChainedRecordKind.DrillResult, pass.AttemptId.ToString());
        await factory.TamperAsync(db => db.DrillScores.Where(s => s.AttemptId == pass.AttemptId).ExecuteDeleteAsync());
        await factory.TamperAsync(db => db.DrillAttempts.Where(a => a.Id == pass.AttemptId).ExecuteDeleteAsync());
        await factory.TamperAsync(db => db.RecordChainLinks.Where(l => l.Sequence == passLink).ExecuteDeleteAsync());
        Assert.Contains((await VerifyAsync(factory)).Breaks, b => b.Sequence == passLink + 1 && b.Reason == ChainBreakReason.LinksMissing);

        // The annulment undone by clearing the mark on its attempt, to revive the pass.
        var annulmentId = await factory.WithDbAsync(db => db.DrillAnnulments.Where(a => a.AttemptId == annulled.AttemptId).Select(a => a.Id).SingleAsync());
        await factory.TamperAsync(db => db.DrillAttempts.Where(a => a.Id == annulled.AttemptId).ExecuteUpdateAsync(s => s.SetProperty(a => a.AnnulledAtUtc, (DateTime?)null)));
        Assert.Contains((await VerifyAsync(factory)).Breaks, b => (b.Kind, b.RecordKey, b.Reason) == (ChainedRecordKind.Annulment, annulmentId.ToString(), ChainBreakReason.RecordChanged));

        // A draft marked signed in the database, with a hash that fits: it never went through a sign-off.
        var draft = await factory.SessionAsync("CD");
        await factory.TamperAsync(db => db.DrillScores.Where(s => s.AttemptId == draft.AttemptId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Score, 3)));
        await factory.TamperAsync(db => db.DrillAttempts.Where(a => a.Id == draft.AttemptId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.SignedById, draft.TrainerId).SetProperty(a => a.SignedAtUtc, new DateTime(2026, 1, 1, 8, 0, 0))
            .SetProperty(a => a.Passed, true).SetProperty(a => a.PercentTenths, 1000)));
        var draftHash = (await factory.WithDbAsync(db => AttemptRecords.Query(db, a => a.Id == draft.AttemptId).SingleAsync())).Record()!.Hash();
        await factory.TamperAsync(db => db.DrillAttempts.Where(a => a.Id == draft.AttemptId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ContentHash, draftHash)));
        Assert.Contains(new ChainBreak(null, ChainedRecordKind.DrillResult, draft.AttemptId.ToString(), ChainBreakReason.RecordNotChained), (await VerifyAsync(factory)).Breaks);
    }

    [Fact]
    public async Task SignOffs_AtTheSameMoment_TakeTurnsOnTheChain_NoFork()
    {
        await using var factory = new DrillsFactory();
        var drills = new List<DrillSetUp>();
        for (var i = 0; i < 6; i++) drills.Add(await factory.SessionAsync($"CP{i}"));

        var results = await Task.WhenAll(drills.Select(drill => factory.WithScopeAsync(services =>
        {
            var input = new ScoreInput();
            foreach (var (key, score) in FullMarks) input.For(key).Score = score;
            return services.GetRequiredService<AttemptScoring>().SignAsync(new DrillViewer(drill.TrainerId, false, true, false), drill.AttemptId, input, LmsFactory.Password);
        })));

        Assert.All(results, result => Assert.Equal(DrillActionStatus.Done, result.Status));
        var report = await VerifyAsync(factory);
        Assert.True(report.IsIntact, string.Join("; ", report.Breaks));
        // Every sign-off and every certificate it issued is one link of one unbroken line.
        Assert.Equal(12, report.Links);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), await factory.WithDbAsync(db => db.RecordChainLinks.OrderBy(l => l.Sequence).Select(l => l.Sequence).ToListAsync()));
    }

    [Fact]
    public async Task Start_RecordsSignedBeforeTheChain_AreChainedOnce_AndAMissingKeyStopsTheStart()
    {
        await using var factory = new DrillsFactory();
        var key = await HistoryBeforeTheChainAsync(factory);

        await factory.Services.StartRecordChainAsync();

        var report = await VerifyAsync(factory);
        Assert.True(report.IsIntact, string.Join("; ", report.Breaks));
        Assert.Equal(6, report.Links);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key.FilePath));
        // Once: with the key in place a later start adopts nothing, so links deleted afterwards stay missing.
        await factory.TamperAsync(db => db.RecordChainLinks.ExecuteDeleteAsync());
        await factory.Services.StartRecordChainAsync();
        Assert.Equal(0, (await VerifyAsync(factory)).Links);
        Assert.All((await VerifyAsync(factory)).Breaks, b => Assert.Equal(ChainBreakReason.RecordNotChained, b.Reason));
        // A chain whose key is gone cannot be extended: the app refuses to start rather than begin a second key.
        await factory.TamperAsync(db =>
        {
            db.RecordChainLinks.Add(new RecordChainLink { Sequence = 1, Kind = ChainedRecordKind.DrillResult, RecordKey = "1", ContentHash = "h", PreviousMac = "", Mac = "m", AppendedAtUtc = new DateTime(2026, 1, 1) });
            return db.SaveChangesAsync();
        });
        File.Delete(key.FilePath);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.Services.StartRecordChainAsync());
        Assert.Contains(key.FilePath, refused.Message);
    }

    [Fact]
    public async Task Start_SeveralInstancesAtOnceWithoutAKey_OneKey_RecordsChainedOnce()
    {
        await using var factory = new DrillsFactory();
        var key = await HistoryBeforeTheChainAsync(factory);

        // Each instance has its own key object, as separate processes would, on one database and one key folder.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new SeparateInstance(factory.Services).StartRecordChainAsync())));

        // Verified with the key as a restart reads it from its file (the app's own key object still holds the deleted one).
        var restarted = new SeparateInstance(factory.Services);
        using var scope = factory.Services.CreateScope();
        var report = await ActivatorUtilities.CreateInstance<RecordChainVerifier>(scope.ServiceProvider, restarted.GetRequiredService<RecordChainKey>()).VerifyAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Breaks));
        Assert.Equal(6, report.Links);
        Assert.False(File.Exists(key.PendingPath));
    }

    /// <summary>Signed records as before the chain existed: no links, no key.</summary>
    private static async Task<RecordChainKey> HistoryBeforeTheChainAsync(DrillsFactory factory)
    {
        await HistoryAsync(factory);
        var key = factory.Services.GetRequiredService<RecordChainKey>();
        await factory.TamperAsync(db => db.RecordChainLinks.ExecuteDeleteAsync());
        File.Delete(key.FilePath);
        return key;
    }

    private sealed class SeparateInstance(IServiceProvider app) : IServiceProvider
    {
        private readonly RecordChainKey key = ActivatorUtilities.CreateInstance<RecordChainKey>(app);

        public object? GetService(Type serviceType) => serviceType == typeof(RecordChainKey) ? key : app.GetService(serviceType);
    }

    /// <summary>`dotnet TrainingLms.Web.dll verify-records`, as `./lms verify-records` runs it, on the test's data folder.</summary>
    private static Task<(int ExitCode, string Output)> RunVerifyAsync(LmsFactory factory) =>
        LmsCommand.RunAsync(factory.DataPath, factory.Database.Settings, VerifyRecordsCommand.Name);
}
