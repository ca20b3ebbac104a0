using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Data;
using TrainingLms.Domain.Clips;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Clips;
using TrainingLms.Web.Features.Demo;

namespace TrainingLms.Benchmarks.Pages;

/// <summary>
/// The demo company (two sites, some forty people, a learning, review, drill and evaluation history), seeded by the app
/// itself at start as <c>./lms run</c> does, without its ffmpeg-made clips; one finished stand-in training clip takes
/// their place so that a clip page can be measured. Its people are <see cref="DemoSeeder.Accounts"/>.
/// </summary>
internal sealed class DemoCompany : IBenchCompany
{
    public string Name => "the demo company";

    public string Password => "smile2026";

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Demo:Enabled"] = "true",
        ["Demo:Clips"] = "false",
        ["Demo:Password"] = Password,
    };

    public IReadOnlyList<BenchPerson> People { get; } = [.. DemoSeeder.Accounts.Select(a => new BenchPerson(a.Role, a.EmployeeNumber))];

    public string ReportFile => "pages.md";

    public async Task<string?> SeedAsync(IServiceProvider services)
    {
        var trainer = await QueryAsync(services, db => db.Users.Where(p => p.UserName == "T0001").Select(p => p.Id).SingleAsync());
        await StandInClips.CreateReadyAsync(services, "bench-front-desk", ClipKind.TrainingDv, trainer);
        return null;
    }

    public Task<IReadOnlyList<string>> DetailRoutesAsync(IServiceProvider services, BenchPerson person) => QueryAsync<IReadOnlyList<string>>(services, async db =>
    {
        var me = await db.Users.Where(p => p.UserName == person.Identifier).Select(p => new { p.Id, p.SiteId, p.TeamId }).SingleAsync();
        var routes = new List<string>();
        // Everyone learns: their first course and its first lesson.
        var course = await db.CourseAssignments.Where(a => a.PersonId == me.Id).OrderBy(a => a.CourseId).Select(a => a.Course!).FirstOrDefaultAsync();
        if (course is not null)
        {
            var lesson = await db.LessonRevisions.Where(l => l.CourseRevisionId == course.CurrentRevisionId).OrderBy(l => l.Order).Select(l => l.Key).FirstAsync();
            routes.Add($"/learning/{course.Slug}");
            routes.Add($"/learning/{course.Slug}/{lesson}");
        }
        routes.Add($"/clips/{await db.Clips.Where(c => c.Slug == "bench-front-desk").Select(c => c.Id).SingleAsync()}");
        switch (person.Role)
        {
            case Roles.ClassLeader:
                var team = await db.Teams.Where(t => t.ClassLeaderId == me.Id).Select(t => t.Id).FirstAsync();
                routes.Add($"/reviews/{await db.ShiftReviews.Where(r => r.TeamId == team).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync()}");
                routes.Add($"/reviews/file/{team}");
                routes.Add($"/reviews/teams/{team}/trends");
                break;
            case Roles.Manager:
                var review = await db.ShiftReviews.Where(r => db.Teams.Any(t => t.Id == r.TeamId && t.SiteId == me.SiteId)).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
                routes.Add($"/reviews/{review}");
                routes.Add($"/clearance/people/{await db.Users.Where(p => p.SiteId == me.SiteId && p.UserName == "E0001").Select(p => p.Id).SingleAsync()}");
                routes.Add($"/benchmark/sites/{me.SiteId}");
                break;
            case Roles.Trainer:
                var managed = await db.Courses.OrderBy(c => c.Id).Select(c => c.Slug).FirstAsync();
                routes.Add($"/courses/manage/{managed}/analysis");
                routes.Add($"/courses/manage/{managed}/learners");
                routes.Add($"/drills/sessions/{await db.DrillSessions.OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync()}");
                routes.Add($"/drills/rubrics/{await db.Drills.OrderBy(d => d.Id).Select(d => d.Slug).FirstAsync()}");
                break;
            case Roles.Admin:
                routes.Add($"/admin/people/{await db.Users.Where(p => p.UserName == "E0001").Select(p => p.Id).SingleAsync()}");
                routes.Add($"/admin/sites/{await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()}");
                routes.Add($"/admin/teams/{await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync()}");
                routes.Add($"/admin/positions/{await db.Positions.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()}");
                routes.Add($"/admin/contractors/{await db.ContractorCompanies.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()}");
                routes.Add($"/admin/evaluations/{await db.EvaluationPeriods.OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync()}");
                break;
        }
        return routes;
    });

    internal static async Task<T> QueryAsync<T>(IServiceProvider services, Func<LmsDbContext, Task<T>> query)
    {
        using var scope = services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<LmsDbContext>());
    }
}
