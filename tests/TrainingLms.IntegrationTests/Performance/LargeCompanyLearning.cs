using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Courses;

namespace TrainingLms.IntegrationTests.Performance;

/// <summary>The large company's courses, assignments and completions.</summary>
internal sealed partial class LargeCompanyBuild
{
    private static readonly string[] Topics = ["电梯困人应急", "访客登记", "快递收发", "消防巡查", "雨季防汛", "垃圾分类", "绿植养护", "报修回访", "车库引导", "夜间巡逻", "业主投诉处理", "大堂礼仪"];
    private static readonly string[] LessonTitles = ["为什么要这样做", "标准动作", "常见错误", "现场练习"];

    /// <summary>Courses that a trainer assigns to teams by hand (no audience rule): all but the first <see cref="AudienceCourses"/>.</summary>
    private readonly List<(int Id, int Lessons)> manualCourses = [];
    private readonly Dictionary<int, List<string>> generatedLessons = [];
    private const int AudienceCourses = 20, CoursesPerTeam = 3;

    public async Task LearningAsync(CancellationToken cancellationToken)
    {
        await PublishCoursesAsync(cancellationToken);
        var assigner = services.GetRequiredService<CourseAssigner>();
        CourseAudiences audiences;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            audiences = await assigner.AudiencesAsync(db, cancellationToken: cancellationToken);

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var assignments = new List<CourseAssignment>();
        foreach (var person in people)
        {
            // The audience rules choose the courses, as the import does; the dates are set back to when the person was assigned.
            var profile = new LearnerProfile(person.Role == Roles.Employee ? [Roles.Employee] : [person.Role, Roles.Employee],
                person.Position?.LineOfWork, person.Position?.FacesCustomers == true, person.Position?.ExemptFromCompanyWideCourses == true);
            var assignedOn = Max(person.Hired, Today.AddDays(-random.Next(5, LargeCompanyGenerator.ReviewDays)));
            foreach (var assignment in audiences.For(person.Id, profile, person.TimeZoneId))
            {
                var dueDays = assignment.DueOn.DayNumber - SiteTime.Today(now, person.TimeZoneId).DayNumber;
                assignment.AssignedAtUtc = At(assignedOn, 9, 0, person.TimeZoneId);
                assignment.DueOn = assignedOn.AddDays(dueDays);
                assignments.Add(assignment);
            }
        }
        foreach (var team in teams)
        {
            var trainer = Pick(trainers);
            var assignedOn = Today.AddDays(-random.Next(5, LargeCompanyGenerator.ReviewDays));
            foreach (var course in Enumerable.Range(0, CoursesPerTeam).Select(_ => Pick(manualCourses)).Distinct())
                foreach (var member in team.Members)
                    assignments.Add(new CourseAssignment
                    {
                        CourseId = course.Id, PersonId = member.Id, Source = AssignmentSource.Team, AssignedById = trainer,
                        AssignedAtUtc = At(assignedOn, 10, 0, team.TimeZoneId), DueOn = assignedOn.AddDays(30),
                    });
        }
        await InsertAsync(assignments, cancellationToken);
        await CompleteAsync(assignments, cancellationToken);
    }

    /// <summary>
    /// Some 45 % of the assignments of generated courses finished, 20 % part-way, the rest not begun (the demo's own
    /// courses have knowledge checks, whose attempts are not generated: they stay not begun for the generated people).
    /// </summary>
    private async Task CompleteAsync(List<CourseAssignment> assignments, CancellationToken cancellationToken)
    {
        var zones = people.ToDictionary(p => p.Id, p => p.TimeZoneId);
        var lessons = new List<LessonCompletion>();
        var courses = new List<CourseCompletion>();
        foreach (var assignment in assignments.Where(a => generatedLessons.ContainsKey(a.CourseId)))
        {
            var keys = generatedLessons[assignment.CourseId];
            var chance = random.NextDouble();
            var done = chance < 0.45 ? keys.Count : chance < 0.65 ? random.Next(1, keys.Count) : 0;
            var day = DateOnly.FromDateTime(assignment.AssignedAtUtc);
            foreach (var key in keys.Take(done))
            {
                day = Min(day.AddDays(random.Next(0, 6)), Today.AddDays(-1));
                lessons.Add(new LessonCompletion
                {
                    PersonId = assignment.PersonId, CourseId = assignment.CourseId, LessonKey = key, CourseVersion = 1,
                    CompletedAtUtc = At(day, 18 + random.Next(4), random.Next(60), zones[assignment.PersonId]),
                });
            }
            if (done == keys.Count)
                courses.Add(new CourseCompletion { PersonId = assignment.PersonId, CourseId = assignment.CourseId, CourseVersion = 1, CompletedAtUtc = lessons[^1].CompletedAtUtc });
        }
        await InsertAsync(lessons, cancellationToken);
        await InsertAsync(courses, cancellationToken);
    }

    /// <summary>
    /// Stores the courses as the content sync does (<see cref="CourseRevisions.PublishAsync"/>): the course, its first
    /// revision with its lessons, then the course pointed at it — here for all of them in three saves. The first
    /// <see cref="AudienceCourses"/> have an audience rule (one line of work each), the rest are assigned by hand.
    /// </summary>
    private async Task PublishCoursesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = Today.AddDays(-LargeCompanyGenerator.ReviewDays - 20).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        LineOfWork[] lines = [LineOfWork.CustomerService, LineOfWork.Security, LineOfWork.Cleaning, LineOfWork.Engineering, LineOfWork.Greening];
        var courses = Enumerable.Range(1, LargeCompanyGenerator.Courses)
            .Select(i => new Course { Slug = $"large-{i:000}", SourceFolder = $"large-{i:000}", SourceHash = Hash($"folder {i}"), IsActive = true }).ToList();
        db.Courses.AddRange(courses);
        await db.SaveChangesAsync(cancellationToken);

        var revisions = courses.Select((course, i) =>
        {
            var topic = Topics[i % Topics.Length] + (i < Topics.Length ? "" : $"（{i / Topics.Length + 1}）");
            var lessonCount = 3 + random.Next(2);
            var revision = new CourseRevision
            {
                CourseId = course.Id, Version = 1, Number = 1, ContentHash = Hash($"course {i} {lessonCount}"),
                Title = new LocalizedText(topic, $"Practice {i + 1}"), Summary = new LocalizedText($"{topic}的标准做法和常见问题。", "Standard practice."),
                Introduction = new LocalizedText($"## {topic}\n\n每节课五分钟，适合下班前用手机看一节。", ""),
                Audience = i < AudienceCourses ? [new AudienceRule([], [lines[i % lines.Length]], false)] : [],
                DueDays = 30, EstimatedMinutes = lessonCount * 5, Source = RevisionSource.Content, CreatedAtUtc = created,
                Lessons = [.. Enumerable.Range(0, lessonCount).Select(l => new LessonRevision
                {
                    Key = $"{l + 1:00}-part", Order = l + 1, Title = new LocalizedText(LessonTitles[l], $"Part {l + 1}"), Minutes = 5,
                    BodyZh = $"## {LessonTitles[l]}\n\n{topic}：第 {l + 1} 节。先看标准，再对照自己的岗位想一想。\n\n- 微笑\n- 问好\n- 起身", BodyEn = null,
                    ContentHash = Hash($"lesson {i} {l}"),
                })],
            };
            return revision;
        }).ToList();
        db.CourseRevisions.AddRange(revisions);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (course, revision) in courses.Zip(revisions))
        {
            course.CurrentRevisionId = revision.Id;
            generatedLessons[course.Id] = [.. revision.Lessons.OrderBy(l => l.Order).Select(l => l.Key)];
            if (revision.Audience.Count == 0) manualCourses.Add((course.Id, revision.Lessons.Count));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
