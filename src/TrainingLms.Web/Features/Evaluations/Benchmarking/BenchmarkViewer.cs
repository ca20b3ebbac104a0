using Microsoft.AspNetCore.Http;
using TrainingLms.Domain.Evaluations;
using TrainingLms.Domain.Organisation;
using TrainingLms.Web.Features.Account;
using TrainingLms.Web.Features.Organisation;

namespace TrainingLms.Web.Features.Evaluations.Benchmarking;

/// <summary>Who is asking: trainers publish stories and codes, managers decide their own site's star, class leaders nominate for it, administrators anything.</summary>
public sealed record BenchmarkViewer(string PersonId, bool IsAdmin, bool IsTrainer, bool IsManager, bool IsClassLeader)
{
    public static BenchmarkViewer From(ClaimsPrincipal user) =>
        new(user.PersonId(), user.IsInRole(Roles.Admin), user.IsInRole(Roles.Trainer), user.IsInRole(Roles.Manager), user.IsInRole(Roles.ClassLeader));

    public bool MayCurate => IsTrainer || IsAdmin;
}

public enum BenchmarkStatus
{
    Done = 1,
    Invalid = 2,
    Forbidden = 3,
    NotFound = 4,

    /// <summary>Already there (a duplicate nomination, a second decision): nothing was changed.</summary>
    Duplicate = 5,
}

public sealed record SiteChoice(int Id, string Name);

public static class BenchmarkTime
{
    /// <summary>The quarter now, in the company's time zone (<see cref="CompanyTimeZone"/>: the quarter is the company's, not a site's).</summary>
    public static YearQuarter CurrentQuarter(string? companyZone, DateTime utcNow) => YearQuarter.Of(SiteTime.Today(utcNow, companyZone));

    /// <summary>The quarter asked for in a query string, or the current one when none (or nonsense) was asked.</summary>
    public static YearQuarter Pick(int? year, int? quarter, YearQuarter current) =>
        year is { } y && quarter is { } q && new YearQuarter(y, q) is { IsValid: true } asked ? asked : current;
}

/// <summary>How the feature reads typed form values.</summary>
public static class BenchmarkText
{
    /// <summary>The text trimmed and without control characters, which carry nothing anyone meant; line breaks and tabs stay.</summary>
    public static string Clean(string? typed) => new string([.. (typed ?? "").Where(c => !char.IsControl(c) || c is '\n' or '\t')]).Trim();

    public static int? Score(string? typed) => int.TryParse(typed, out var score) ? score : null;
}

public static class BenchmarkForms
{
    /// <summary>
    /// Whether this request posts the named form. A page renders such a form while the post is handled even when it
    /// would not offer it (already decided, not allowed): Blazor dispatches only to a rendered form, and otherwise
    /// answers with a bare 400 instead of the service's clear refusal.
    /// </summary>
    public static bool Posts(HttpContext context, string formName) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType && context.Request.Form["_handler"] == formName;
}
