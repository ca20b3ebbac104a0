using TrainingLms.Domain.TrainingRecords;

namespace TrainingLms.Web.Features.Demo;

/// <summary>
/// Two weeks of pre-job training at 翠湖花园's teams: most countersigned by the demo manager, one returned with a comment,
/// the latest few waiting, so the list, the countersign page and the person pages show something. Runs once.
/// </summary>
public sealed class DemoTrainingSeeder(IDbContextFactory<LmsDbContext> dbFactory, TimeProvider clock)
{
    private static readonly string[] Topics = ["见面、微笑、问好、起身", "接待三声：来有迎声、问有答声、走有送声", "服务禁用语与替代说法", "首问责任制：登记、跟进、回复", "仪容仪表自查"];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.TrainingRecords.AnyAsync(cancellationToken)) return;
        var managerNumber = DemoSeeder.Accounts.Single(a => a.Role == Domain.Organisation.Roles.Manager).EmployeeNumber;
        if (await db.Users.Where(p => p.UserName == managerNumber).Select(p => new { p.Id, p.SiteId }).SingleOrDefaultAsync(cancellationToken) is not { SiteId: { } siteId } manager)
            return;
        var teams = await db.Teams.AsNoTracking().Where(t => t.SiteId == siteId && t.IsActive && t.ClassLeaderId != null).OrderBy(t => t.Id).Take(3)
            .Select(t => new { t.Id, t.ClassLeaderId, t.Shifts, t.Site!.TimeZoneId }).ToListAsync(cancellationToken);
        var courses = await db.Courses.AsNoTracking().Where(c => c.IsActive && c.CurrentRevisionId != null).OrderBy(c => c.Slug)
            .Select(c => new { c.Id, RevisionId = c.CurrentRevisionId!.Value }).ToListAsync(cancellationToken);
        var revisionIds = courses.Select(c => c.RevisionId).ToList();
        var lessons = (await db.LessonRevisions.AsNoTracking().Where(l => revisionIds.Contains(l.CourseRevisionId))
                .Select(l => new { l.CourseRevisionId, l.Key, l.Order }).ToListAsync(cancellationToken))
            .OrderBy(l => revisionIds.IndexOf(l.CourseRevisionId)).ThenBy(l => l.Order).Take(5)
            .Select(l => new { CourseId = courses.Single(c => c.RevisionId == l.CourseRevisionId).Id, l.Key }).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (team, t) in teams.Select((team, t) => (team, t)))
        {
            var members = await db.Users.AsNoTracking().Where(p => p.TeamId == team.Id && p.IsActive && p.Id != team.ClassLeaderId)
                .OrderBy(p => p.UserName).Select(p => p.Id).ToListAsync(cancellationToken);
            if (members.Count == 0) continue;
            var today = SiteTime.Today(now, team.TimeZoneId);
            for (var daysAgo = 13; daysAgo >= 0; daysAgo -= 2)
            {
                var n = daysAgo + t;
                var recordedAt = now.AddDays(-daysAgo).AddHours(-1);
                var lesson = n % 2 == 0 && lessons.Count > 0 ? lessons[n % lessons.Count] : null;
                var record = new TrainingRecord
                {
                    TeamId = team.Id, TrainedOn = today.AddDays(-daysAgo), SubmissionKey = Guid.NewGuid(),
                    ShiftKey = TrainingRules.DefaultShift(team.Shifts, new TimeOnly(7, 0)),
                    CourseId = lesson?.CourseId, LessonKey = lesson?.Key, Topic = lesson is null ? Topics[n % Topics.Length] : "",
                    Minutes = 10 + n % 4 * 5, RecordedById = team.ClassLeaderId!, RecordedAtUtc = recordedAt, UpdatedAtUtc = recordedAt,
                };
                record.Attendees.AddRange(members.Where((_, i) => (i + n) % 5 != 0).Select(id => new TrainingAttendee { PersonId = id, TrainedOn = record.TrainedOn }));
                record.Steps.Add(new TrainingRecordStep { Kind = TrainingStepKind.Submitted, ById = team.ClassLeaderId!, AtUtc = recordedAt });
                if (daysAgo >= 4)
                {
                    record.Status = TrainingRecordStatus.Countersigned;
                    record.Steps.Add(new TrainingRecordStep { Kind = TrainingStepKind.Countersigned, ById = manager.Id, AtUtc = recordedAt.AddHours(3) });
                }
                else if (daysAgo == 3 - t % 2 && t == 0)
                {
                    record.Status = TrainingRecordStatus.Returned;
                    record.Steps.Add(new TrainingRecordStep { Kind = TrainingStepKind.Returned, ById = manager.Id, AtUtc = recordedAt.AddHours(3), Comment = "请补充演练内容，并核对参训人员。" });
                }
                db.TrainingRecords.Add(record);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
