using TrainingLms.Web.Infrastructure.Hosting;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using QRCoder;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Web.Features.Drills;

namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

public sealed record FeedbackCodeRow(int Id, string Code, string Label, int SiteId, string SiteName, string? PositionName, string? PersonName, bool IsActive, DateTime CreatedAtUtc, int Ratings);

public sealed record PersonChoice(string Id, string FullName, string EmployeeNumber, string? Position);

public sealed record PositionChoice(int Id, string Name, bool FacesCustomers);

/// <summary>What the new-code form offers: the sites, the posts, and the people of the chosen site.</summary>
public sealed record FeedbackCodeForm(IReadOnlyList<SiteChoice> Sites, SiteChoice? Site, IReadOnlyList<PositionChoice> Positions, IReadOnlyList<PersonChoice> People);

public sealed class FeedbackCodeInput
{
    public int? SiteId { get; set; }

    /// <summary>"post" or "person".</summary>
    public string Kind { get; set; } = "post";
    public int? PositionId { get; set; }
    public string? PersonId { get; set; }
    public string Label { get; set; } = "";

    public static FeedbackCodeInput FromForm(IFormCollection form) => new()
    {
        SiteId = int.TryParse(form["site"], out var site) ? site : null,
        Kind = form["kind"] == "person" ? "person" : "post",
        PositionId = int.TryParse(form["position"], out var position) ? position : null,
        PersonId = form["person"].ToString() is { Length: > 0 } person ? person : null,
        Label = form["label"].ToString().Trim(),
    };
}

/// <summary>Trainers' administration of the feedback codes behind the printed QR codes.</summary>
public sealed class FeedbackCodes(IDbContextFactory<LmsDbContext> dbFactory, PublicAddress publicAddress, TimeProvider clock)
{
    private const int MaxLabelLength = 200;

    public async Task<IReadOnlyList<FeedbackCodeRow>> ListAsync(int? siteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.FeedbackCodes.AsNoTracking().Where(c => siteId == null || c.SiteId == siteId)
            .OrderByDescending(c => c.IsActive).ThenBy(c => c.SiteId).ThenBy(c => c.Label)
            .Select(c => new FeedbackCodeRow(c.Id, c.Code, c.Label, c.SiteId,
                db.Sites.Where(s => s.Id == c.SiteId).Select(s => s.Name).First(),
                db.Positions.Where(p => p.Id == c.PositionId).Select(p => p.Name).FirstOrDefault(),
                db.Users.Where(p => p.Id == c.PersonId).Select(p => p.FullName).FirstOrDefault(),
                c.IsActive, c.CreatedAtUtc, db.BenchmarkRatings.Count(r => r.FeedbackCodeId == c.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<FeedbackCodeRow?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        (await ListAsync(null, cancellationToken)).FirstOrDefault(c => c.Id == id);

    public async Task<FeedbackCodeForm> PrepareAsync(int? siteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sites = await SitesAsync(db, cancellationToken);
        var site = sites.FirstOrDefault(s => s.Id == siteId) ?? (sites.Count == 1 ? sites[0] : null);
        var positions = await db.Positions.AsNoTracking().Where(p => p.IsActive).OrderByDescending(p => p.FacesCustomers).ThenBy(p => p.Name)
            .Select(p => new PositionChoice(p.Id, p.Name, p.FacesCustomers)).ToListAsync(cancellationToken);
        var people = site is null ? [] : await PeopleAtAsync(db, site.Id, cancellationToken);
        return new FeedbackCodeForm(sites, site, positions, people);
    }

    internal static Task<List<SiteChoice>> SitesAsync(LmsDbContext db, CancellationToken cancellationToken) =>
        db.Sites.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code).Select(s => new SiteChoice(s.Id, s.Name)).ToListAsync(cancellationToken);

    internal static Task<List<PersonChoice>> PeopleAtAsync(LmsDbContext db, int siteId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(p => p.SiteId == siteId && p.IsActive).OrderBy(p => p.UserName)
            .Select(p => new PersonChoice(p.Id, p.FullName, p.EmployeeNumber, p.Position!.Name)).ToListAsync(cancellationToken);

    public async Task<Outcome<BenchmarkStatus>> CreateAsync(BenchmarkViewer viewer, FeedbackCodeInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.MayCurate) return Outcome.Of(BenchmarkStatus.Forbidden);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new Dictionary<string, string>();
        var site = await db.Sites.AsNoTracking().Where(s => s.Id == input.SiteId && s.IsActive).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
        if (site is null) errors["site"] = "Benchmark.Validation.Site";
        string? label = input.Label;
        if (input.Kind == "person")
        {
            if (input.PersonId is null || !await db.Users.AnyAsync(p => p.Id == input.PersonId && p.SiteId == site && p.IsActive, cancellationToken))
                errors["person"] = "Benchmark.Validation.Person";
            // A person's label is chosen by staff on purpose: the code must not print the name or number by default.
            if (label.Length == 0) errors["label"] = "Benchmark.Validation.LabelRequired";
        }
        else
        {
            var position = await db.Positions.AsNoTracking().Where(p => p.Id == input.PositionId && p.IsActive).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
            if (position is null) errors["position"] = "Benchmark.Validation.Position";
            if (label.Length == 0) label = position ?? "";
        }
        if (label.Length > MaxLabelLength) errors["label"] = "Benchmark.Validation.TooLong";
        if (errors.Count > 0) return Outcome.Refused(BenchmarkStatus.Invalid, errors);

        // Ten base32 characters are 50 random bits: a collision is all but impossible, and a retry answers it.
        for (var attempt = 0; ; attempt++)
        {
            var code = new FeedbackCode
            {
                Code = FeedbackCodeFormat.FromBytes(RandomNumberGenerator.GetBytes(FeedbackCodeFormat.Length)),
                SiteId = site!.Value, Label = label,
                PersonId = input.Kind == "person" ? input.PersonId : null,
                PositionId = input.Kind == "person" ? null : input.PositionId,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.FeedbackCodes.Add(code);
            if (await UniqueIndex.SaveOnceAsync(db, cancellationToken)) return Outcome.Of(BenchmarkStatus.Done, code.Id);
            if (attempt == 3) throw new InvalidOperationException("Four feedback codes in a row collided.");
        }
    }

    public async Task<Outcome<BenchmarkStatus>> SetActiveAsync(BenchmarkViewer viewer, int id, bool active, CancellationToken cancellationToken = default)
    {
        if (!viewer.MayCurate) return Outcome.Of(BenchmarkStatus.Forbidden);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.FeedbackCodes.Where(c => c.Id == id).ExecuteUpdateAsync(c => c.SetProperty(x => x.IsActive, active), cancellationToken);
        return changed == 0 ? Outcome.Of(BenchmarkStatus.NotFound) : Outcome.Of(BenchmarkStatus.Done, id);
    }

    /// <summary>The address a code's QR code points to: the configured public address, else the one the request came on.</summary>
    public string PublicUrl(HttpRequest request, string code)
    {
        return publicAddress.For(request, $"/feedback/{code}");
    }

    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
