using Microsoft.AspNetCore.Http;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

public sealed record NominationView(string PersonId, string FullName, string EmployeeNumber, string Reason, string NominatedBy, DateTime AtUtc);

/// <summary>A site's decision for a quarter; <see cref="PersonName"/> null means nobody was chosen.</summary>
public sealed record DecisionView(YearQuarter Quarter, string? PersonName, string? EmployeeNumber, string Reason, string DecidedBy, DateTime AtUtc);

/// <summary>The star page for one site: this quarter's nominations and decision, what the viewer may do, and the past decisions.</summary>
public sealed record StarModel(
    IReadOnlyList<SiteChoice> Sites, SiteChoice? Site, YearQuarter Quarter, IReadOnlyList<NominationView> Nominations, DecisionView? Decision,
    IReadOnlyList<PersonChoice> People, bool MayNominate, bool MayDecide, IReadOnlyList<DecisionView> Past);

public sealed class StarInput
{
    public int? SiteId { get; set; }

    /// <summary>The person nominated or chosen; for a decision, <see cref="NoStar"/> means nobody.</summary>
    public string? PersonId { get; set; }
    public string Reason { get; set; } = "";

    public const string NoStar = "none";

    public static StarInput FromForm(IFormCollection form) => new()
    {
        SiteId = int.TryParse(form["site"], out var site) ? site : null,
        PersonId = form["person"].ToString() is { Length: > 0 } person ? person : null,
        Reason = BenchmarkText.Clean(form["reason"]),
    };
}

/// <summary>
/// The quarterly service star: managers, class leaders of a site, and trainers nominate people of the site with a
/// reason; a manager of the site (or an administrator) then decides once — one of the nominees, or nobody, since
/// no star is better than a poor one.
/// </summary>
public sealed class ServiceStars(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, CompanyTimeZone companyZone)
{
    public async Task<StarModel?> LoadAsync(BenchmarkViewer viewer, int? siteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sites = await FeedbackCodes.SitesAsync(db, cancellationToken);
        var own = await OwnSiteAsync(db, viewer, cancellationToken);
        var site = sites.FirstOrDefault(s => s.Id == (siteId ?? own)) ?? (siteId is null ? sites.FirstOrDefault() : null);
        if (siteId is not null && site is null) return null;
        var quarter = BenchmarkTime.CurrentQuarter(await companyZone.GetAsync(cancellationToken), clock.GetUtcNow().UtcDateTime);
        if (site is null) return new StarModel(sites, null, quarter, [], null, [], false, false, []);

        var nominations = await db.ServiceStarNominations.AsNoTracking()
            .Where(n => n.SiteId == site.Id && n.Year == quarter.Year && n.Quarter == quarter.Quarter).OrderBy(n => n.AtUtc)
            .Select(n => new NominationView(n.PersonId,
                db.Users.Where(p => p.Id == n.PersonId).Select(p => p.FullName).First(),
                db.Users.Where(p => p.Id == n.PersonId).Select(p => p.UserName!).First(),
                n.Reason, db.Users.Where(p => p.Id == n.NominatedById).Select(p => p.FullName).First(), n.AtUtc))
            .ToListAsync(cancellationToken);
        var decisions = (await db.ServiceStarDecisions.AsNoTracking().Where(d => d.SiteId == site.Id)
            .Select(d => new
            {
                d.Year, d.Quarter, d.Reason, d.DecidedAtUtc,
                Person = db.Users.Where(p => p.Id == d.PersonId).Select(p => new { p.FullName, p.UserName }).FirstOrDefault(),
                DecidedBy = db.Users.Where(p => p.Id == d.DecidedById).Select(p => p.FullName).First(),
            }).ToListAsync(cancellationToken))
            .Select(d => new DecisionView(new YearQuarter(d.Year, d.Quarter), d.Person?.FullName, d.Person?.UserName, d.Reason, d.DecidedBy, d.DecidedAtUtc))
            .OrderByDescending(d => d.Quarter.Year).ThenByDescending(d => d.Quarter.Quarter).ToList();
        var current = decisions.FirstOrDefault(d => d.Quarter == quarter);
        var mayNominate = current is null && MayNominate(viewer, own, site.Id);
        var people = mayNominate ? await FeedbackCodes.PeopleAtAsync(db, site.Id, cancellationToken) : [];
        return new StarModel(sites, site, quarter, nominations, current, people, mayNominate, current is null && MayDecide(viewer, own, site.Id),
            [.. decisions.Where(d => d != current)]);
    }

    private static bool MayNominate(BenchmarkViewer viewer, int? ownSite, int siteId) =>
        viewer.MayCurate || ((viewer.IsManager || viewer.IsClassLeader) && ownSite == siteId);

    private static bool MayDecide(BenchmarkViewer viewer, int? ownSite, int siteId) => viewer.IsAdmin || (viewer.IsManager && ownSite == siteId);

    private static Task<int?> OwnSiteAsync(LmsDbContext db, BenchmarkViewer viewer, CancellationToken cancellationToken) =>
        db.Users.Where(p => p.Id == viewer.PersonId).Select(p => p.SiteId).SingleOrDefaultAsync(cancellationToken);

    private static Dictionary<string, string> ValidateReason(StarInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.Reason.Length == 0) errors["reason"] = "Benchmark.Validation.ReasonRequired";
        else if (input.Reason.Length > BenchmarkScores.MaxReasonLength) errors["reason"] = "Benchmark.Validation.TooLong";
        return errors;
    }

    public async Task<Outcome<BenchmarkStatus>> NominateAsync(BenchmarkViewer viewer, StarInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (input.SiteId is not { } siteId || !await db.Sites.AnyAsync(s => s.Id == siteId && s.IsActive, cancellationToken)) return Outcome.Of(BenchmarkStatus.NotFound);
        if (!MayNominate(viewer, await OwnSiteAsync(db, viewer, cancellationToken), siteId)) return Outcome.Of(BenchmarkStatus.Forbidden);
        var errors = ValidateReason(input);
        if (input.PersonId is null || !await db.Users.AnyAsync(p => p.Id == input.PersonId && p.SiteId == siteId && p.IsActive, cancellationToken))
            errors["person"] = "Benchmark.Validation.Person";
        if (errors.Count > 0) return Outcome.Refused(BenchmarkStatus.Invalid, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var quarter = BenchmarkTime.CurrentQuarter(await companyZone.GetAsync(cancellationToken), now);
        if (await DecidedAsync(db, siteId, quarter, cancellationToken)) return Outcome.Refused(BenchmarkStatus.Invalid, new Dictionary<string, string> { [""] = "Benchmark.Star.AlreadyDecided" });
        if (await db.ServiceStarNominations.AnyAsync(n => n.SiteId == siteId && n.Year == quarter.Year && n.Quarter == quarter.Quarter && n.PersonId == input.PersonId, cancellationToken))
            return new Outcome<BenchmarkStatus>(BenchmarkStatus.Duplicate);
        var nomination = new ServiceStarNomination
        {
            SiteId = siteId, Year = quarter.Year, Quarter = quarter.Quarter, PersonId = input.PersonId!, NominatedById = viewer.PersonId,
            Reason = input.Reason, AtUtc = now,
        };
        db.ServiceStarNominations.Add(nomination);
        return await UniqueIndex.SaveOnceAsync(db, cancellationToken) ? Outcome.Of(BenchmarkStatus.Done, nomination.Id) : new Outcome<BenchmarkStatus>(BenchmarkStatus.Duplicate);
    }

    /// <summary>Decides the site's star this quarter: a nominee, or <see cref="StarInput.NoStar"/>; refused as a duplicate once decided.</summary>
    public async Task<Outcome<BenchmarkStatus>> DecideAsync(BenchmarkViewer viewer, StarInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (input.SiteId is not { } siteId || !await db.Sites.AnyAsync(s => s.Id == siteId && s.IsActive, cancellationToken)) return Outcome.Of(BenchmarkStatus.NotFound);
        if (!MayDecide(viewer, await OwnSiteAsync(db, viewer, cancellationToken), siteId)) return Outcome.Of(BenchmarkStatus.Forbidden);
        var now = clock.GetUtcNow().UtcDateTime;
        var quarter = BenchmarkTime.CurrentQuarter(await companyZone.GetAsync(cancellationToken), now);
        if (await DecidedAsync(db, siteId, quarter, cancellationToken)) return new Outcome<BenchmarkStatus>(BenchmarkStatus.Duplicate);
        var errors = ValidateReason(input);
        var nobody = input.PersonId == StarInput.NoStar;
        if (!nobody && (input.PersonId is null || !await db.ServiceStarNominations.AnyAsync(
                n => n.SiteId == siteId && n.Year == quarter.Year && n.Quarter == quarter.Quarter && n.PersonId == input.PersonId, cancellationToken)))
            errors["person"] = "Benchmark.Validation.Nominee";
        if (errors.Count > 0) return Outcome.Refused(BenchmarkStatus.Invalid, errors);

        var decision = new ServiceStarDecision
        {
            SiteId = siteId, Year = quarter.Year, Quarter = quarter.Quarter, PersonId = nobody ? null : input.PersonId,
            Reason = input.Reason, DecidedById = viewer.PersonId, DecidedAtUtc = now,
        };
        db.ServiceStarDecisions.Add(decision);
        return await UniqueIndex.SaveOnceAsync(db, cancellationToken) ? Outcome.Of(BenchmarkStatus.Done, decision.Id) : new Outcome<BenchmarkStatus>(BenchmarkStatus.Duplicate);
    }

    private static Task<bool> DecidedAsync(LmsDbContext db, int siteId, YearQuarter quarter, CancellationToken cancellationToken) =>
        db.ServiceStarDecisions.AnyAsync(d => d.SiteId == siteId && d.Year == quarter.Year && d.Quarter == quarter.Quarter, cancellationToken);
}
