using Microsoft.EntityFrameworkCore;
using TrainingLms.Domain;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using static TrainingLms.IntegrationTests.Inspections.InspectionOversightTests;

namespace TrainingLms.IntegrationTests.Inspections;

/// <summary>
/// The oversight keeps what it read of each post's weeks (<c>OversightCounts</c>) and reads a week again when its
/// inspections changed: one added anywhere — filed on the other instance, or written into a week already shown, as an
/// import would — is on the next view of both instances of one database.
/// </summary>
public class OversightAcrossInstancesTests : IAsyncLifetime
{
    private const string Zone = SiteTime.DefaultTimeZoneId;
    private const string October = "/inspections/oversight?from=2026-10-01&to=2026-10-31";

    private readonly InspectionsFactory first = new();
    private SecondInstance second = default!;
    private PostSetUp post = default!;
    private string inspectorId = "";

    public async ValueTask InitializeAsync()
    {
        var site = await first.CreateSiteAsync("XA");
        post = await first.CreatePostAsync(site, "跨实例秩序班", LineOfWork.Security, "XLA1");
        inspectorId = await first.CreateManagerAsync("XMA", site);
        await first.CreatePersonAsync("XT1", [Roles.Trainer]);
        second = new SecondInstance(first);
    }

    public async ValueTask DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [Fact]
    public async Task InspectionAddedToAWeekAlreadyShown_OrFiledOnTheOtherInstance_IsOnTheNextViewOfBoth()
    {
        using var onFirst = await first.SignedInAsync("XT1");
        using var onSecond = await second.SignedInAsync("XT1");
        await AddAsync(first, new(2026, 10, 14, 9, 0, 0), ItemVerdict.Ok, ItemVerdict.NotOk);

        await AssertOctoberAsync([onFirst, onSecond], held: "1",
            ("data-item", "smile", "0|1|0|0.0%"),
            ("data-week", "2026-W42", "1|1|1|50.0%"));

        // Into the week both have shown (W42), through the second; and into another week (W44), through the first.
        await AddAsync(second, new(2026, 10, 15, 9, 0, 0), ItemVerdict.Ok, ItemVerdict.Ok);
        await AddAsync(first, new(2026, 10, 28, 9, 0, 0), ItemVerdict.NotOk, ItemVerdict.Ok);

        await AssertOctoberAsync([onFirst, onSecond], held: "3",
            ("data-item", "smile", "2|1|0|66.7%"),
            ("data-item", "meet", "2|1|0|66.7%"),
            ("data-week", "2026-W42", "2|3|1|75.0%"),
            ("data-week", "2026-W44", "1|1|1|50.0%"));
    }

    /// <summary>October's oversight as each client's next view shows it: the inspections held and the given rows.</summary>
    private static async Task AssertOctoberAsync(HttpClient[] clients, string held, params (string Attribute, string Key, string Expected)[] rows)
    {
        foreach (var client in clients)
        {
            var html = await client.GetStringAsync(October);
            Assert.Equal(held, Figure(html, "held"));
            foreach (var (attribute, key, expected) in rows) Assert.Equal(expected, Row(html, attribute, key));
        }
    }

    private Task<int> AddAsync(LmsFactory instance, DateTime local, ItemVerdict meet, ItemVerdict smile) => instance.WithDbAsync(async db =>
    {
        db.Inspections.Add(new Inspection
        {
            SubmissionKey = Guid.NewGuid(), FormRevisionId = await db.InspectionFormRevisions.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
            SiteId = post.SiteId, TeamId = post.TeamId, InspectorId = inspectorId, Announced = true, InspectedAtUtc = SiteTime.ToUtc(local, Zone),
            Results = [new("meet", meet, ""), new("smile", smile, "")],
        });
        return await db.SaveChangesAsync();
    });
}
