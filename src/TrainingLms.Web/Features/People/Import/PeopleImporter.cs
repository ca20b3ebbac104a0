using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Organisation;
using TrainingLms.Domain.People.Import;
using TrainingLms.Web.Features.Courses;

namespace TrainingLms.Web.Features.People.Import;

public sealed record ImportSettings(bool CreateMissing, string? InitialPassword, bool CheckOnly);

public sealed record ImportOutcome(ImportBatch Batch, IReadOnlyList<ImportIssue> Issues, IReadOnlyList<string> PasswordProblems)
{
    public bool Succeeded => Issues.Count == 0 && PasswordProblems.Count == 0;
}

/// <summary>
/// Imports people from a CSV: every row is checked first and a single bad row stops the whole file.
/// Keyed by employee number, so importing the same file again changes nothing.
/// </summary>
public class PeopleImporter(
    LmsDbContext db,
    UserManager<Person> users,
    IPasswordHasher<Person> hasher,
    TimeProvider clock,
    CourseAssigner courses,
    ILogger<PeopleImporter> logger)
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The import page's request body limit: a file a little over <see cref="MaxFileBytes"/> still gets the page's own message.</summary>
    public const long MaxRequestBytes = MaxFileBytes + 1024 * 1024;

    public async Task<ImportOutcome> ImportAsync(byte[] file, string fileName, ImportSettings settings, string? importedById, CancellationToken cancellationToken = default)
    {
        var content = PeopleCsv.Read(file);
        var batch = new ImportBatch
        {
            FileName = Path.GetFileName(fileName),
            Encoding = content.EncodingName,
            ImportedAtUtc = clock.GetUtcNow().UtcDateTime,
            ImportedById = importedById,
            RowCount = content.Rows.Count,
        };
        // An import checks and writes under one immediate transaction, so nothing can change between the check and
        // the write (a check-only run writes nothing and takes no lock).
        await using var transaction = settings.CheckOnly ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Users.ToDictionaryAsync(p => p.NormalizedUserName!, cancellationToken);
        var validation = PersonImportValidator.Validate(content.Rows, await LoadReferenceAsync(existing.Values, cancellationToken), settings.CreateMissing);
        if (content.Issues.Count > 0)
            validation = validation with { Issues = [.. content.Issues.Concat(validation.Issues).OrderBy(issue => issue.Line)] };

        var newPeople = validation.Rows.Count(row => !existing.ContainsKey(users.NormalizeName(row.EmployeeNumber)));
        var passwordProblems = newPeople > 0 ? await CheckInitialPasswordAsync(settings.InitialPassword) : [];
        batch.ProblemCount = validation.Issues.Count + passwordProblems.Count;

        if (validation.IsValid && passwordProblems.Count == 0 && !settings.CheckOnly)
            await ApplyAsync(validation.Rows, existing, settings, batch, cancellationToken);
        else if (!settings.CheckOnly)
            await RecordAsync(batch, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        if (batch.Succeeded && !settings.CheckOnly) await courses.AssignByAudienceAsync(cancellationToken: cancellationToken);

        if (!settings.CheckOnly)
            logger.LogInformation("People import {File} ({Encoding}, {Rows} rows): {Outcome}; {Created} created, {Updated} updated, {Unchanged} unchanged, {Problems} problems",
                batch.FileName, batch.Encoding, batch.RowCount, batch.Succeeded ? "imported" : "refused", batch.Created, batch.Updated, batch.Unchanged, batch.ProblemCount);
        return new ImportOutcome(batch, validation.Issues, passwordProblems);
    }

    private async Task<ImportReference> LoadReferenceAsync(IEnumerable<Person> people, CancellationToken cancellationToken)
    {
        var reference = new ImportReference();
        foreach (var site in await db.Sites.AsNoTracking().Include(s => s.Teams).ToListAsync(cancellationToken))
        {
            reference.AddSite(site.Name, site.Code);
            foreach (var team in site.Teams)
            {
                reference.AddTeam(site.Name, team.Name);
                reference.AddTeam(site.Code, team.Name);
            }
        }
        foreach (var position in await db.Positions.AsNoTracking().Select(p => p.Name).ToListAsync(cancellationToken))
            reference.Positions.Add(position);
        foreach (var person in people)
        {
            if (person.PhoneNumber is { } phone) reference.PhoneOwners[phone] = person.UserName!;
            if (person.Email is { } email) reference.EmailOwners[email] = person.UserName!;
        }
        return reference;
    }

    private async Task<List<string>> CheckInitialPasswordAsync(string? password)
    {
        if (string.IsNullOrEmpty(password)) return [nameof(ImportSettings.InitialPassword)];
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new Person { FullName = "" }, password);
            problems.AddRange(result.Errors.Select(error => error.Description));
        }
        return problems;
    }

    private async Task ApplyAsync(IReadOnlyList<ValidPersonRow> rows, Dictionary<string, Person> existing, ImportSettings settings, ImportBatch batch, CancellationToken cancellationToken)
    {
        var sites = await db.Sites.Include(s => s.Teams).ToListAsync(cancellationToken);
        var positions = await db.Positions.ToDictionaryAsync(p => p.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        var heldRoles = (await db.UserRoles.Select(ur => new { ur.UserId, ur.RoleId }).ToListAsync(cancellationToken))
            .Select(ur => (ur.UserId, ur.RoleId)).ToHashSet();
        // Everyone new gets the same temporary password, which they must change at first sign-in;
        // hashing it once keeps a 5,000-row import within seconds.
        var initialHash = settings.InitialPassword is { Length: > 0 } password ? hasher.HashPassword(new Person { FullName = "" }, password) : null;
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var row in rows)
        {
            var site = row.Site is null ? null : FindOrCreateSite(sites, row.Site);
            var team = site is null || row.Team is null ? null : FindOrCreateTeam(site, row.Team, row.TeamLineOfWork);
            var positionId = row.Position is null ? (int?)null : positions[row.Position].Id;

            var key = users.NormalizeName(row.EmployeeNumber);
            var isNew = !existing.TryGetValue(key, out var person);
            if (person is null)
            {
                person = new Person
                {
                    FullName = row.FullName,
                    UserName = row.EmployeeNumber,
                    NormalizedUserName = key,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    LockoutEnabled = true,
                    PasswordHash = initialHash,
                    MustChangePassword = true,
                    CreatedAtUtc = now,
                };
                db.Users.Add(person);
                existing[key] = person;
            }

            // A blank cell keeps what the person already has: HR exports are often missing columns.
            var changed = Set(person.FullName, row.FullName, v => person.FullName = v)
                | Set(person.PhoneNumber, row.Phone ?? person.PhoneNumber, v => person.PhoneNumber = v)
                | Set(person.Email, row.Email ?? person.Email, v =>
                {
                    person.Email = v;
                    person.NormalizedEmail = v is null ? null : users.NormalizeEmail(v);
                })
                | Set(person.HireDate, row.HireDate ?? person.HireDate, v => person.HireDate = v)
                | SetReference(person.SiteId, site, s => s?.Id, () => { person.SiteId = null; person.Site = site; })
                | SetReference(person.TeamId, team, t => t?.Id, () => { person.TeamId = null; person.Team = team; })
                | Set(person.PositionId, positionId ?? person.PositionId, v => person.PositionId = v);
            // Moving to another site with no team named must not leave the person in the old site's team.
            if (site is not null && team is null && person.TeamId is { } oldTeamId && site.Teams.All(t => t.Id != oldTeamId))
            {
                person.TeamId = null;
                changed = true;
            }

            foreach (var role in row.Roles)
            {
                if (heldRoles.Add((person.Id, roleIds[role])))
                {
                    db.UserRoles.Add(new IdentityUserRole<string> { UserId = person.Id, RoleId = roleIds[role] });
                    changed = true;
                }
            }

            if (isNew) batch.Created++;
            else if (changed) batch.Updated++;
            else batch.Unchanged++;
        }

        batch.Succeeded = true;
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RecordAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Site FindOrCreateSite(List<Site> sites, string nameOrCode)
    {
        var site = sites.FirstOrDefault(s => Same(s.Name, nameOrCode) || Same(s.Code, nameOrCode));
        if (site is not null) return site;
        site = new Site { Name = nameOrCode, Code = NewSiteCode(sites) };
        sites.Add(site);
        db.Sites.Add(site);
        return site;
    }

    private Team FindOrCreateTeam(Site site, string name, LineOfWork? lineOfWork)
    {
        var team = site.Teams.FirstOrDefault(t => Same(t.Name, name));
        if (team is not null) return team;
        // The validator has made sure a line of work was given for a team that does not exist yet.
        team = new Team { Name = name, Site = site, LineOfWork = lineOfWork!.Value };
        site.Teams.Add(team);
        db.Teams.Add(team);
        return team;
    }

    private static string NewSiteCode(List<Site> sites)
    {
        for (var n = sites.Count + 1; ; n++)
        {
            var code = $"S{n:000}";
            if (!sites.Any(s => Same(s.Code, code))) return code;
        }
    }

    private static bool Set<T>(T current, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, value)) return false;
        assign(value);
        return true;
    }

    /// <summary>Sites and teams may be new (no id yet), so the navigation is set rather than the key.</summary>
    private static bool SetReference<T>(int? currentId, T? value, Func<T?, int?> idOf, Action assign) where T : class
    {
        if (value is null || (currentId is not null && currentId == idOf(value) && idOf(value) != 0)) return false;
        assign();
        return true;
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
