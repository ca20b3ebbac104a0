using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using static TrainingLms.IntegrationTests.Drills.DrillForms;

namespace TrainingLms.IntegrationTests.Drills;

/// <summary>
/// Every rubric in content/drills, a new one included, signed through the trainer's form: a candidate who misses one
/// of the four minimum actions fails however well everything else went — at zero, and just below its pass point, where
/// the weighted total alone would pass.
/// </summary>
public class MinimumActionTests(DrillsFactory factory) : IClassFixture<DrillsFactory>
{
    /// <summary>The rubrics' slugs: each file is named after its drill.</summary>
    private static List<string> Slugs() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppProcess.RepositoryRoot(), "content", "drills"), "*.md")
            .Where(f => !f.EndsWith(".en.md", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> Drills() => [.. Slugs()];

    [Theory]
    [MemberData(nameof(Drills))]
    public async Task Sign_AMinimumActionMissed_FailsWhateverTheTotal(string slug)
    {
        var revision = await factory.WithDbAsync(db => db.DrillRevisions.AsNoTracking()
            .Where(r => db.Drills.Any(d => d.Id == r.DrillId && d.Slug == slug && d.IsActive)).OrderByDescending(r => r.Number).FirstAsync());
        var criteria = revision.Criteria;
        var minimums = criteria.Where(c => c.Minimum).ToList();
        Assert.Equal(4, minimums.Count);
        // Each minimum action missed twice: at zero, and one point below where it is met (on a points scale).
        var cases = minimums.SelectMany(m => m.MeetsAt > 1 ? new[] { (Missed: m, Score: 0), (Missed: m, Score: m.MeetsAt - 1) } : [(Missed: m, Score: 0)]).ToList();

        var prefix = "MA" + (Slugs().IndexOf(slug) + 1);
        var siteId = await factory.CreateSiteAsync(prefix);
        var positionId = await factory.CreatePositionAsync("岗位" + prefix, new Requirement(RequirementKind.Drill, slug));
        var trainerId = await factory.CreateStaffAsync(prefix + "T", siteId, null, "培训师" + prefix, Roles.Trainer, Roles.Employee);
        var candidates = new List<string>();
        for (var i = 0; i < cases.Count; i++)
            candidates.Add(await factory.CreateStaffAsync($"{prefix}E{i}", siteId, positionId, $"考生{prefix}{i}", Roles.Employee));
        var heldOn = SiteTime.Today(factory.Clock.UtcNow, SiteTime.DefaultTimeZoneId);
        var sessionId = await factory.ScheduleAsync(trainerId, slug, siteId, heldOn, [.. candidates]);
        var attempts = await factory.WithDbAsync(db => db.DrillAttempts.Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.CandidateId, a => a.Id));
        var trainer = await factory.SignedInAsync(prefix + "T");

        var highTotals = 0;
        foreach (var ((missed, score), candidateId) in cases.Zip(candidates))
        {
            var scores = criteria.Select(c => (c.Key, (c == missed ? score : c.Scale.Max).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
            var signed = await SignAsync(trainer, attempts[candidateId], scores);
            Assert.Equal($"/drills/attempts/{attempts[candidateId]}?done=signed", signed.RedirectPath());

            var attempt = await factory.WithDbAsync(db => db.DrillAttempts.AsNoTracking().SingleAsync(a => a.Id == attempts[candidateId]));
            Assert.True(attempt.Passed == false, $"{slug}: passed with {missed.Key} at {score}");
            Assert.Equal(heldOn.AddDays(revision.RetakeWaitDays), attempt.RetakeFrom);
            Assert.Null(attempt.ValidThrough);
            if (attempt.PercentTenths >= revision.PassMark * 10) highTotals++;
        }
        // The must-pass rule is what failed them: with a minimum action just short, the total alone reached the pass mark.
        Assert.True(highTotals > 0, $"{slug}: no case where the total alone would have passed");
    }
}
