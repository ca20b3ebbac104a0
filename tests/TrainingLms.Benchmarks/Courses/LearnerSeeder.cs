using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Data.Identity;
using TrainingLms.Domain.Courses;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Benchmarks.Courses;

/// <summary>
/// Learners with a realistic learning history, written straight into the database: each has
/// <see cref="CoursesPerLearner"/> assigned courses, the first of them finished and the rest part-way.
/// </summary>
public static class LearnerSeeder
{
    public const int CoursesPerLearner = 10;

    public static string Number(int learner) => $"L{learner:00000}";

    /// <summary>The courses learner <paramref name="learner"/> is assigned, spread evenly over the catalogue.</summary>
    public static IEnumerable<int> CoursesOf(int learner, int courses) =>
        Enumerable.Range(0, CoursesPerLearner).Select(k => (learner * 7 + k * 19) % courses).Distinct();

    public static async Task SeedAsync(IServiceProvider services, int learners, int courses, int lessonsPerCourse, string password)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LmsDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var courseIds = await db.Courses.OrderBy(c => c.Slug).Select(c => c.Id).ToListAsync();
        if (courseIds.Count != courses) throw new InvalidOperationException($"{courseIds.Count} of {courses} courses were published.");
        var employeeRole = await db.Roles.Where(r => r.Name == Roles.Employee).Select(r => r.Id).SingleAsync();
        var passwordHash = new PasswordHasher<Person>().HashPassword(new Person { FullName = "" }, password);
        var now = DateTime.UtcNow;
        db.Companies.Add(new Company { Name = "基准物业" }); // a company exists, so sign-in is open (no set-up page)

        for (var first = 0; first < learners; first += 1_000)
        {
            var batch = Enumerable.Range(first, Math.Min(1_000, learners - first)).Select(learner => new Person
            {
                UserName = Number(learner),
                NormalizedUserName = users.NormalizeName(Number(learner)),
                FullName = "学员" + learner,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAtUtc = now,
            }).ToList();
            db.Users.AddRange(batch);
            db.UserRoles.AddRange(batch.Select(p => new IdentityUserRole<string> { UserId = p.Id, RoleId = employeeRole }));
            foreach (var (person, learner) in batch.Select((p, i) => (p, first + i)))
            {
                foreach (var (course, k) in CoursesOf(learner, courses).Select((c, k) => (c, k)))
                {
                    var courseId = courseIds[course];
                    db.CourseAssignments.Add(new CourseAssignment
                    {
                        PersonId = person.Id, CourseId = courseId, Source = AssignmentSource.Person,
                        AssignedAtUtc = now, DueOn = DateOnly.FromDateTime(now).AddDays(30 - k * 5),
                    });
                    // The first course is finished, the others part-way (a course further down the list, fewer lessons).
                    var done = k == 0 ? lessonsPerCourse : Math.Max(0, lessonsPerCourse - 2 - k * 2);
                    db.LessonCompletions.AddRange(Enumerable.Range(0, done).Select(lesson => new LessonCompletion
                    {
                        PersonId = person.Id, CourseId = courseId, LessonKey = CourseContentFolder.LessonKey(lesson),
                        CourseVersion = 1, CompletedAtUtc = now,
                    }));
                    if (k == 0) db.CourseCompletions.Add(new CourseCompletion { PersonId = person.Id, CourseId = courseId, CourseVersion = 1, CompletedAtUtc = now });
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }
}
