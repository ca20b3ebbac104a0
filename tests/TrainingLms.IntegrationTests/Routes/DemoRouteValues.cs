using Microsoft.EntityFrameworkCore;
using TrainingLms.Data;

namespace TrainingLms.IntegrationTests.Routes;

/// <summary>
/// Real route values of the demo company, so a walk reaches the page behind a route rather than its "not found".
/// A route parameter nobody gave a value for fails the walk by name: a new route gets its value here.
/// </summary>
public sealed class DemoRouteValues
{
    private readonly Dictionary<string, string> values = [];

    public static async Task<DemoRouteValues> ReadAsync(LmsDbContext db)
    {
        var course = await db.Courses.Where(c => c.IsActive && c.CurrentRevisionId != null).OrderBy(c => c.Id)
            .Select(c => new { c.Slug, Lesson = c.CurrentRevision!.Lessons.OrderBy(l => l.Order).Select(l => l.Key).First() }).FirstAsync();
        var signed = await db.DrillAttempts.Where(a => a.SignedAtUtc != null).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var result = new DemoRouteValues();
        result.values["position"] = (await db.Positions.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()).ToString();
        result.values["contractor"] = (await db.ContractorCompanies.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()).ToString();
        result.values["site"] = (await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()).ToString();
        result.values["team"] = (await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync()).ToString();
        result.values["period"] = (await db.EvaluationPeriods.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()).ToString();
        result.values["target"] = (await db.EvaluationTargets.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync()).ToString();
        result.values["feedback-code-id"] = (await db.FeedbackCodes.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()).ToString();
        result.values["feedback-code"] = await db.FeedbackCodes.OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
        result.values["certificate"] = await db.Certificates.OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
        result.values["clip"] = (await db.Clips.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()).ToString();
        result.values["clip-slug"] = await db.Clips.OrderBy(c => c.Id).Select(c => c.Slug).FirstAsync();
        result.values["course"] = course.Slug;
        result.values["lesson"] = course.Lesson;
        result.values["drill"] = await db.Drills.OrderBy(d => d.Id).Select(d => d.Slug).FirstAsync();
        result.values["attempt"] = signed.ToString();
        result.values["session"] = (await db.DrillAttempts.Where(a => a.Id == signed).Select(a => a.SessionId).FirstAsync()).ToString();
        result.values["training-record"] = (await db.TrainingRecords.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()).ToString();
        result.values["review"] = (await db.ShiftReviews.OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync()).ToString();
        result.values["inspection"] = (await db.Inspections.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync()).ToString();
        result.values["rectification"] = (await db.Rectifications.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()).ToString();
        result.values["inspection-photo"] = (await db.InspectionPhotos.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()).ToString();
        var fault = await db.FootageFaults.OrderBy(f => f.Id).Select(f => new { f.Id, f.SessionId }).FirstAsync();
        result.values["footage-session"] = fault.SessionId.ToString();
        result.values["footage-action"] = fault.Id.ToString();
        return result;
    }

    /// <summary>The value of <paramref name="parameter"/> in <paramref name="pattern"/>; a person is the viewer themselves.</summary>
    public string For(string pattern, string parameter, string personId)
    {
        var key = (parameter.ToLowerInvariant(), pattern) switch
        {
            ("personid", _) => "person",
            ("positionid", _) => "position",
            ("siteid", _) => "site",
            ("teamid", _) => "team",
            ("periodid", _) => "period",
            ("rendition", _) => "rendition",
            ("path", _) => "media-path",
            ("key", _) => "lesson",
            ("lineofwork", _) => "line-of-work",
            ("slug", var p) when p.StartsWith("/drills/", StringComparison.Ordinal) => "drill",
            ("slug", var p) when p.StartsWith("/clips/", StringComparison.Ordinal) => "clip-slug",
            ("slug", _) => "course",
            ("code", var p) when p.StartsWith("/feedback/", StringComparison.Ordinal) => "feedback-code",
            ("code", var p) when p.StartsWith("/status/", StringComparison.Ordinal) => "status",
            ("code", _) => "certificate",
            ("id", var p) when p.StartsWith("/admin/people/", StringComparison.Ordinal) => "person",
            ("id", var p) when p.StartsWith("/admin/positions/", StringComparison.Ordinal) => "position",
            ("id", var p) when p.StartsWith("/admin/sites/", StringComparison.Ordinal) => "site",
            ("id", var p) when p.StartsWith("/admin/contractors/", StringComparison.Ordinal) => "contractor",
            ("id", var p) when p.StartsWith("/admin/teams/", StringComparison.Ordinal) => "team",
            ("id", var p) when p.StartsWith("/admin/evaluations/", StringComparison.Ordinal) => "period",
            ("id", var p) when p.StartsWith("/benchmark/codes/", StringComparison.Ordinal) => "feedback-code-id",
            ("id", var p) when p.StartsWith("/api/clips/uploads/", StringComparison.Ordinal) => "upload",
            ("id", var p) when p.StartsWith("/clips/", StringComparison.Ordinal) || p.StartsWith("/api/clips/", StringComparison.Ordinal) => "clip",
            ("id", var p) when p.StartsWith("/drills/attempts/", StringComparison.Ordinal) || p.StartsWith("/drills/results/", StringComparison.Ordinal) => "attempt",
            ("id", var p) when p.StartsWith("/drills/sessions/", StringComparison.Ordinal) => "session",
            ("id", var p) when p.StartsWith("/evaluations/targets/", StringComparison.Ordinal) => "target",
            ("id", var p) when p.StartsWith("/reviews/", StringComparison.Ordinal) => "review",
            ("id", var p) when p.StartsWith("/training-records/", StringComparison.Ordinal) => "training-record",
            ("id", var p) when p.StartsWith("/inspections/photos/", StringComparison.Ordinal) => "inspection-photo",
            ("id", var p) when p.StartsWith("/inspections/", StringComparison.Ordinal) => "inspection",
            ("id", var p) when p.StartsWith("/rectifications/", StringComparison.Ordinal) => "rectification",
            ("id", var p) when p.StartsWith("/footage-sessions/", StringComparison.Ordinal) => "footage-session",
            ("actionid", _) => "footage-action",
            _ => throw new InvalidOperationException($"No demo value for {{{parameter}}} in {pattern}: add one to {nameof(DemoRouteValues)}."),
        };
        return key switch
        {
            "person" => personId,
            "rendition" => "480p",
            "media-path" => "pictures/none.png",
            "status" => "404",
            "line-of-work" => "security",
            "upload" => Guid.NewGuid().ToString(),
            _ => values[key],
        };
    }
}
