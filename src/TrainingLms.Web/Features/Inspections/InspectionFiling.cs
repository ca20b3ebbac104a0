using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Inspections;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Inspections.Photos;

namespace TrainingLms.Web.Features.Inspections;

public enum InspectionStatus
{
    Filed = 1,
    /// <summary>The same submission arrived before (a retry, a double tap): its inspection is returned.</summary>
    AlreadyFiled = 2,
    Invalid = 3,
    Forbidden = 4,
    NotFound = 5,
}

public sealed record PostChoice(int TeamId, string TeamName, LineOfWork LineOfWork, string? ClassLeaderName);

public sealed record InspectedPerson(string PersonId, string FullName, string EmployeeNumber, int TeamId, string TeamName);

public sealed record FormChoice(string Slug, int RevisionId, LocalizedText Title, LocalizedText Summary, IReadOnlyList<InspectionItem> Items);

/// <summary>What the phone form for one post needs: the post, the person (if one is named) and the forms that suit it.</summary>
public sealed record InspectionFormModel(int SiteId, string SiteName, PostChoice Post, InspectedPerson? Person, IReadOnlyList<FormChoice> Forms);

/// <summary>A photo sent with the form, for one item.</summary>
public sealed record PhotoUpload(string ItemKey, string FileName, long Length, Func<Stream> Open);

/// <summary>Files inspections: an inspector within their scope, one inspection per submission; every "not OK" item opens a rectification.</summary>
public sealed class InspectionFiling(
    IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock, PhotoIntake intake, PhotoStore store, IOptions<InspectionOptions> options)
{
    public async Task<IReadOnlyList<(int Id, string Name)>> SitesAsync(InspectionViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = (await InspectionScope.TeamsAsync(db, viewer, cancellationToken)).Where(t => t.IsActive);
        var sites = await teams.Select(t => new { t.SiteId, t.Site!.Name }).Distinct().ToListAsync(cancellationToken);
        return [.. sites.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => (s.SiteId, s.Name))];
    }

    public async Task<IReadOnlyList<PostChoice>> PostsAsync(InspectionViewer viewer, int siteId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = (await InspectionScope.TeamsAsync(db, viewer, cancellationToken)).Where(t => t.IsActive && t.SiteId == siteId);
        return await teams.OrderBy(t => t.Name)
            .Select(t => new PostChoice(t.Id, t.Name, t.LineOfWork, db.Users.Where(p => p.Id == t.ClassLeaderId).Select(p => p.FullName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>People of the viewer's teams at the site whose name or employee number contains what was typed.</summary>
    public async Task<IReadOnlyList<InspectedPerson>> FindPeopleAsync(InspectionViewer viewer, int siteId, string typed, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 50) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = (await InspectionScope.TeamsAsync(db, viewer, cancellationToken)).Where(t => t.IsActive && t.SiteId == siteId).Select(t => t.Id);
        var pattern = SearchPattern.Contains(typed);
        return await db.Users.AsNoTracking()
            .Where(p => p.IsActive && p.TeamId != null && teams.Contains(p.TeamId.Value)
                && (SearchPattern.Matches(p.FullName, pattern) || SearchPattern.Matches(p.UserName, pattern)))
            .OrderBy(p => p.UserName).Take(20)
            .Select(p => new InspectedPerson(p.Id, p.FullName, p.UserName!, p.TeamId!.Value, p.Team!.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<(InspectionStatus Status, InspectionFormModel? Model)> PrepareAsync(
        InspectionViewer viewer, int teamId, string? personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!viewer.CanInspect) return (InspectionStatus.Forbidden, null);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId && t.IsActive)
            .Select(t => new { t.Id, t.Name, t.SiteId, SiteName = t.Site!.Name, t.LineOfWork, Leader = db.Users.Where(p => p.Id == t.ClassLeaderId).Select(p => p.FullName).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (team is null) return (InspectionStatus.NotFound, null);
        if (!await (await InspectionScope.TeamsAsync(db, viewer, cancellationToken)).AnyAsync(t => t.Id == teamId, cancellationToken))
            return (InspectionStatus.Forbidden, null);
        InspectedPerson? person = null;
        if (personId is not null)
        {
            person = await db.Users.AsNoTracking().Where(p => p.Id == personId && p.IsActive && p.TeamId == teamId)
                .Select(p => new InspectedPerson(p.Id, p.FullName, p.UserName!, teamId, team.Name)).SingleOrDefaultAsync(cancellationToken);
            if (person is null) return (InspectionStatus.NotFound, null);
        }
        var forms = await FormsForAsync(db, team.LineOfWork, cancellationToken);
        return (InspectionStatus.Filed, new InspectionFormModel(team.SiteId, team.SiteName, new PostChoice(team.Id, team.Name, team.LineOfWork, team.Leader), person, forms));
    }

    /// <summary>The current revision of every live form that suits the line of work: its own forms first, then the general ones.</summary>
    private static async Task<IReadOnlyList<FormChoice>> FormsForAsync(LmsDbContext db, LineOfWork line, CancellationToken cancellationToken)
    {
        var revisions = await db.InspectionForms.AsNoTracking().Where(f => f.IsActive)
            .Select(f => new { f.Slug, Revision = db.InspectionFormRevisions.Where(r => r.FormId == f.Id).OrderByDescending(r => r.Number).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return [.. revisions.Where(r => r.Revision is not null && (r.Revision.LineOfWork is null || r.Revision.LineOfWork == line))
            .OrderBy(r => r.Revision!.LineOfWork is null).ThenBy(r => r.Slug, StringComparer.Ordinal)
            .Select(r => new FormChoice(r.Slug, r.Revision!.Id, r.Revision.Title, r.Revision.Summary, r.Revision.Items))];
    }

    public async Task<Outcome<InspectionStatus>> FileAsync(
        InspectionViewer viewer, int teamId, InspectionInput input, IReadOnlyList<PhotoUpload> photos, CancellationToken cancellationToken = default)
    {
        var (status, model) = await PrepareAsync(viewer, teamId, input.PersonId, cancellationToken);
        if (model is null) return Outcome.Of(status);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        if (await FindByKeyAsync(db, input.SubmissionKey, cancellationToken) is { } known)
            return known.TeamId == teamId ? new(InspectionStatus.AlreadyFiled, known.Id) : Outcome.Of(InspectionStatus.Forbidden);

        var errors = new Dictionary<string, string>();
        if (input.SubmissionKey == Guid.Empty) errors[""] = "Inspections.Validation.Expired";
        // An older revision of a suitable form is still accepted: the form was opened before the content changed.
        var revision = await db.InspectionFormRevisions.AsNoTracking().Where(r => r.Id == input.FormRevisionId)
            .Join(db.InspectionForms.Where(f => f.IsActive), r => r.FormId, f => f.Id, (r, f) => r).SingleOrDefaultAsync(cancellationToken);
        if (revision is null || (revision.LineOfWork is { } line && line != model.Post.LineOfWork))
        {
            errors["form"] = "Inspections.Validation.Form";
            return Outcome.Refused(InspectionStatus.Invalid, errors);
        }
        foreach (var item in revision.Items)
        {
            if (input.Verdicts.GetValueOrDefault(item.Key) is null) errors[item.Key] = "Inspections.Validation.Verdict";
            else if (input.Notes.GetValueOrDefault(item.Key, "").Length > Inspection.MaxNoteLength) errors[item.Key] = "Inspections.Validation.NoteTooLong";
        }
        var keys = revision.Items.Select(i => i.Key).ToHashSet();
        if (photos.Count > options.Value.MaxPhotosPerInspection) errors["photos"] = "Inspections.Photo.TooMany";
        var taken = new List<(string ItemKey, IntakenPhoto Photo)>();
        foreach (var photo in photos.Where(p => keys.Contains(p.ItemKey)))
        {
            if (errors.ContainsKey("photos")) break;
            await using var stream = photo.Open();
            var (intaken, refusal) = intake.Take(stream, photo.Length);
            if (refusal is { } why) errors[$"photo.{photo.ItemKey}"] = $"Inspections.Photo.{why}";
            else taken.Add((photo.ItemKey, intaken!));
        }
        if (errors.Count > 0) return Outcome.Refused(InspectionStatus.Invalid, errors);

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var inspection = new Inspection
        {
            SubmissionKey = input.SubmissionKey,
            FormRevisionId = revision.Id,
            SiteId = model.SiteId,
            TeamId = teamId,
            PersonId = model.Person?.PersonId,
            InspectorId = viewer.PersonId,
            Announced = input.Announced,
            InspectedAtUtc = nowUtc,
            Results = [.. revision.Items.Select(i => new ItemResult(i.Key, input.Verdicts[i.Key]!.Value, input.Notes.GetValueOrDefault(i.Key, "")))],
        };
        var leaderId = await db.Teams.Where(t => t.Id == teamId).Select(t => t.ClassLeaderId).SingleAsync(cancellationToken);
        var stored = new List<string>();
        try
        {
            foreach (var (itemKey, photo) in taken)
            {
                var name = await store.WriteAsync(photo.Jpeg, cancellationToken);
                stored.Add(name);
                db.InspectionPhotos.Add(new InspectionPhoto
                {
                    ItemKey = itemKey, StoredName = name, ContentType = "image/jpeg", Width = photo.Width, Height = photo.Height, CreatedAtUtc = nowUtc,
                });
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Inspections.Add(inspection);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var photo in db.ChangeTracker.Entries<InspectionPhoto>().Select(e => e.Entity)) photo.InspectionId = inspection.Id;
            db.Rectifications.AddRange(inspection.Results.Where(r => r.Verdict == ItemVerdict.NotOk).Select(r => new Rectification
            {
                InspectionId = inspection.Id,
                ItemKey = r.Key,
                SiteId = inspection.SiteId,
                TeamId = teamId,
                PersonId = inspection.PersonId,
                AssigneeId = leaderId,
                OpenedAtUtc = nowUtc,
                DueAtUtc = nowUtc.AddDays(options.Value.RectificationDays),
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new(InspectionStatus.Filed, inspection.Id);
        }
        catch (DbUpdateException e) when (UniqueIndex.IsViolation(e))
        {
            // Another request of the same submission won the race: answer with its inspection.
            foreach (var name in stored) store.Delete(name);
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var winner = await FindByKeyAsync(fresh, input.SubmissionKey, cancellationToken)
                ?? throw new InvalidOperationException("A unique index refused the inspection but none holds its key.", e);
            return winner.TeamId == teamId ? new(InspectionStatus.AlreadyFiled, winner.Id) : Outcome.Of(InspectionStatus.Forbidden);
        }
        catch
        {
            foreach (var name in stored) store.Delete(name);
            throw;
        }
    }

    private sealed record KnownInspection(int Id, int TeamId);

    private static Task<KnownInspection?> FindByKeyAsync(LmsDbContext db, Guid key, CancellationToken cancellationToken) =>
        db.Inspections.AsNoTracking().Where(i => i.SubmissionKey == key).Select(i => new KnownInspection(i.Id, i.TeamId)).FirstOrDefaultAsync(cancellationToken);
}
