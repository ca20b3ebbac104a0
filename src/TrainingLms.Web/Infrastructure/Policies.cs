using Microsoft.AspNetCore.Authorization;
using TrainingLms.Domain.Organisation;

namespace TrainingLms.Web.Infrastructure;

/// <summary>Named authorization policies; every page and endpoint names one (or is explicitly anonymous).</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    public const string Trainer = nameof(Trainer);
    public const string ClassLeader = nameof(ClassLeader);
    public const string Manager = nameof(Manager);
    public const string SignedIn = nameof(SignedIn);
    /// <summary>Those who look after other people's progress: class leaders, managers and administrators.</summary>
    public const string Oversight = nameof(Oversight);
    /// <summary>Those who record pre-job trainings: class leaders (for the teams they lead) and administrators.</summary>
    public const string TrainingRecorder = nameof(TrainingRecorder);
    /// <summary>Those who read pre-job training records, each in their own scope: class leaders, managers, trainers, administrators.</summary>
    public const string TrainingRecords = nameof(TrainingRecords);

    /// <summary>Those who inspect posts on site, each in their own scope: class leaders, managers, trainers, administrators.</summary>
    public const string Inspector = nameof(Inspector);

    /// <summary>Those who may download a site's monthly pack, each in their own scope: managers, trainers, administrators.</summary>
    public const string SitePack = nameof(SitePack);

    /// <summary>Those who record benchmark-footage sessions, each in their own scope: managers, trainers, administrators.</summary>
    public const string FootageRecorder = nameof(FootageRecorder);
    /// <summary>Those who follow teams' footage sessions, each in their own scope: class leaders, managers, trainers, administrators.</summary>
    public const string FootageSessions = nameof(FootageSessions);

    public static void AddLmsAuthorization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Trainer, policy => policy.RequireRole(Roles.Trainer, Roles.Admin))
            .AddPolicy(ClassLeader, policy => policy.RequireRole(Roles.ClassLeader))
            .AddPolicy(Manager, policy => policy.RequireRole(Roles.Manager, Roles.Admin))
            .AddPolicy(Oversight, policy => policy.RequireRole(Roles.ClassLeader, Roles.Manager, Roles.Admin))
            .AddPolicy(TrainingRecorder, policy => policy.RequireRole(Roles.ClassLeader, Roles.Admin))
            .AddPolicy(TrainingRecords, policy => policy.RequireRole(Roles.ClassLeader, Roles.Manager, Roles.Trainer, Roles.Admin))
            .AddPolicy(Inspector, policy => policy.RequireRole(Roles.ClassLeader, Roles.Manager, Roles.Trainer, Roles.Admin))
            .AddPolicy(SitePack, policy => policy.RequireRole(Roles.Manager, Roles.Trainer, Roles.Admin))
            .AddPolicy(FootageRecorder, policy => policy.RequireRole(Roles.Manager, Roles.Trainer, Roles.Admin))
            .AddPolicy(FootageSessions, policy => policy.RequireRole(Roles.ClassLeader, Roles.Manager, Roles.Trainer, Roles.Admin))
            // Anything that forgets to name a policy still requires a signed-in person.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
