using TrainingLms.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Drills;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Drills;

namespace TrainingLms.IntegrationTests.Drills;

/// <summary>A session at a fresh site: its trainer, one candidate and the candidate's attempt.</summary>
public sealed record DrillSetUp(int SiteId, string TrainerNumber, string TrainerId, string CandidateNumber, string CandidateId, int SessionId, int AttemptId, int PositionId);

/// <summary>The app reading the repository's rubrics, with a settable clock and helpers that set up drill sessions.</summary>
public sealed class DrillsFactory : OrganisationFactory
{
    /// <summary>The class-leader pre-job rubric in content/drills: meet 0–3, smile 0–3 (must pass at 2), greet 0–3 (must pass at 2), rise pass/fail (must pass).</summary>
    public const string PreJob = "pre-job-meet-smile-greet-rise";
    public const string PrePosting = "pre-posting-etiquette";
    public const string PublicBaseUrl = "https://lms.example.com";

    public int VerifyRequestsPerMinute { get; init; } = 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Certificates:VerifyRequestsPerMinute", VerifyRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("PublicAddress:BaseUrl", PublicBaseUrl);
    }

    /// <summary>A person at a site, in a position, with roles; the full name is given so a test can look for it.</summary>
    public async Task<string> CreateStaffAsync(string number, int siteId, int? positionId, string fullName, params string[] roles)
    {
        var id = await CreatePersonAsync(number, roles.Length == 0 ? [Roles.Employee] : roles, phone: null);
        await WithDbAsync(db => db.Users.Where(p => p.Id == id)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.SiteId, siteId).SetProperty(x => x.PositionId, positionId).SetProperty(x => x.FullName, fullName)));
        return id;
    }

    public Task<int> CreatePositionAsync(string name, params Requirement[] requirements) => WithDbAsync(async db =>
    {
        var position = new Position { Name = name, LineOfWork = LineOfWork.CustomerService, FacesCustomers = true };
        db.Positions.Add(position);
        await db.SaveChangesAsync();
        db.ClearanceRequirements.AddRange(requirements.Select(r => new ClearanceRequirement { PositionId = position.Id, Kind = r.Kind, Slug = r.Slug }));
        await db.SaveChangesAsync();
        return position.Id;
    });

    /// <summary>
    /// A site named after <paramref name="prefix"/>, a trainer (prefix + T), a candidate (prefix + E, in a post that requires
    /// the drill), and today's session of the drill with the candidate on it, scheduled through the service.
    /// </summary>
    public async Task<DrillSetUp> SessionAsync(string prefix, string drill = PreJob, string zone = SiteTime.DefaultTimeZoneId, string candidateName = "张晓明", int? heldInDays = 0)
    {
        var siteId = await CreateSiteAsync(prefix, zone);
        var positionId = await CreatePositionAsync("岗位" + prefix, new Requirement(RequirementKind.Drill, drill));
        var trainerId = await CreateStaffAsync(prefix + "T", siteId, null, "培训师" + prefix, Roles.Trainer, Roles.Employee);
        var candidateId = await CreateStaffAsync(prefix + "E", siteId, positionId, candidateName, Roles.Employee);
        var sessionId = await ScheduleAsync(trainerId, drill, siteId, SiteTime.Today(Clock.UtcNow, zone).AddDays(heldInDays ?? 0), candidateId);
        var attemptId = await WithDbAsync(db => db.DrillAttempts.Where(a => a.SessionId == sessionId && a.CandidateId == candidateId).Select(a => a.Id).SingleAsync());
        return new DrillSetUp(siteId, prefix + "T", trainerId, prefix + "E", candidateId, sessionId, attemptId, positionId);
    }

    public Task<int> ScheduleAsync(string trainerId, string drill, int siteId, DateOnly heldOn, params string[] candidateIds) => WithScopeAsync(async services =>
    {
        var result = await services.GetRequiredService<DrillSessions>().CreateAsync(new DrillViewer(trainerId, false, true, false),
            new SessionInput { Drill = drill, SiteId = siteId, HeldOn = heldOn, Candidates = [.. candidateIds] });
        return result.Status == DrillActionStatus.Done ? result.Id!.Value : throw new InvalidOperationException($"{result.Status}: {string.Join("; ", result.Errors?.Values ?? [])}");
    });

    /// <summary>A clip of <paramref name="seconds"/> in the library, catalogued without files: what drill evidence names.</summary>
    public Task<int> LibraryClipAsync(string slug, double seconds, string uploadedById) => WithDbAsync(async db =>
    {
        if (await db.Clips.Where(c => c.Slug == slug).Select(c => (int?)c.Id).SingleOrDefaultAsync() is { } id) return id;
        var clip = new Clip
        {
            Slug = slug, Title = slug, Kind = ClipKind.TrainingDv, Status = ClipStatus.Ready, IsPublished = true,
            OriginalFileName = slug + ".dv", OriginalExtension = ".dv", DurationSeconds = seconds, UploadedById = uploadedById,
            Source = new VideoFacts(720, 576, 16.0 / 15, 0, true, seconds, true),
        };
        db.Clips.Add(clip);
        await db.SaveChangesAsync();
        return clip.Id;
    });

    /// <summary>
    /// Changes rows behind the app's back, as someone with the database could: on a connection of its own, in bulk
    /// statements that no save interceptor sees (ExecuteUpdate, ExecuteDelete), so the same on either database.
    /// </summary>
    public async Task<int> TamperAsync(Func<LmsDbContext, Task<int>> change)
    {
        await using var db = Database.Open();
        return await change(db);
    }
}

/// <summary>The scoring form's fields as the phone posts them.</summary>
public static class DrillForms
{
    /// <summary>Full marks on the pre-job drill: a pass.</summary>
    public static readonly (string Key, string Score)[] FullMarks = [("meet", "3"), ("smile", "3"), ("greet", "3"), ("rise", "1")];

    /// <summary>High marks but the must-pass smile missed: a fail by rule.</summary>
    public static readonly (string Key, string Score)[] SmileMissed = [("meet", "3"), ("smile", "1"), ("greet", "3"), ("rise", "1")];

    public static List<KeyValuePair<string, string>> Fields(IEnumerable<(string Key, string Score)> scores, string action, string? password = null, string comment = "", params (string Name, string Value)[] more)
    {
        var fields = scores.SelectMany(s => new[] { new KeyValuePair<string, string>($"score.{s.Key}", s.Score), new($"comment.{s.Key}", $"{s.Key} 评语") }).ToList();
        fields.Add(new("comment", comment));
        fields.Add(new("action", action));
        if (password is not null) fields.Add(new("password", password));
        fields.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Name, m.Value)));
        return fields;
    }

    public static Task<HttpResponseMessage> SignAsync(HttpClient client, int attemptId, IEnumerable<(string Key, string Score)> scores, string password = LmsFactory.Password, string comment = "") =>
        client.PostFieldsAsync($"/drills/attempts/{attemptId}", "score", Fields(scores, "sign", password, comment));
}
