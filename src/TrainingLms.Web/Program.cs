using TrainingLms.Web;
using Microsoft.AspNetCore.Diagnostics;
using TrainingLms.Web.Components;
using TrainingLms.Web.Features.Account;
using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Content;
using TrainingLms.Web.Features.Courses;
using TrainingLms.Web.Features.Demo;
using TrainingLms.Web.Features.Drills;
using TrainingLms.Web.Features.Drills.Records;
using TrainingLms.Web.Features.Evaluations;
using TrainingLms.Web.Features.Evaluations.Benchmarking;
using TrainingLms.Web.Features.FootageSessions;
using TrainingLms.Web.Features.Health;
using TrainingLms.Web.Features.Inspections;
using TrainingLms.Web.Features.Home;
using TrainingLms.Web.Features.Localization;
using TrainingLms.Web.Features.Media;
using TrainingLms.Web.Features.Operations;
using TrainingLms.Web.Features.Organisation;
using TrainingLms.Web.Features.People;
using TrainingLms.Web.Features.Printables;
using TrainingLms.Web.Features.ShiftReviews;
using TrainingLms.Web.Features.TrainingRecords;
using TrainingLms.Web.Infrastructure.Hosting;
using TrainingLms.Web.Infrastructure.Pdf;

var builder = WebApplication.CreateBuilder(args);
// Serves the framework and scoped-CSS files from the build output when the app runs with `dotnet run`
// outside Development (the README's run command); a published app has no such manifest and is unaffected.
builder.WebHost.UseStaticWebAssets();

builder.AddHosting();
builder.AddStorage();
builder.AddContent();
builder.AddPdf();
builder.AddLmsLocalization();
builder.AddAccount();
builder.AddLmsAuthorization();
builder.AddMedia();
builder.AddHealth();
builder.AddOrganisation();
builder.AddPeople();
builder.AddClips();
builder.AddCourses();
builder.AddShiftReviews();
builder.AddTrainingRecords();
builder.AddDrills();
builder.AddInspections();
builder.AddFootageSessions();
builder.AddEvaluations();
builder.AddPrintables();
builder.AddHome();
builder.AddDemo();
builder.Services.AddRazorComponents();

var app = builder.Build();

// `verify-records` checks the signed records and exits; no web host starts.
if (VerifyRecordsCommand.IsRequested(args)) return await VerifyRecordsCommand.RunAsync(app.Services, Console.Out);
// `move-to-postgres` copies the SQLite company into an empty PostgreSQL database and exits.
if (MoveToPostgresCommand.IsRequested(args)) return await MoveToPostgresCommand.RunAsync(app.Services, args, Console.Out);
// `backup FILE` writes a consistent copy of the running SQLite company and exits.
if (BackupCommand.IsRequested(args)) return await BackupCommand.RunAsync(app.Services, args, Console.Out);

// Instances sharing one PostgreSQL database prepare it one at a time; the next finds the work done.
await using (await StartupLock.AcquireAsync(app.Services))
{
    await app.Services.PrepareAsync();
    await app.Services.SeedDemoAsync();
}

app.UseHosting();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute(AccountFeature.StatusPagePath, createScopeForStatusCodePages: true);
// Friendly status pages are for pages people open; a refused form post keeps its own plain answer
// (re-executing it would replay the refused post against the not-found page).
app.Use((context, next) =>
{
    if (!HttpMethods.IsGet(context.Request.Method) && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        statusPages.Enabled = false;
    return next(context);
});
app.UseRequestLocalization();
app.UseAuthentication();
app.UseRequestBodyLimits();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMustChangePassword();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>();
app.MapAccount();
app.MapPeople();
app.MapClips();
app.MapCourses();
app.MapShiftReviews();
app.MapDrills();
app.MapInspections();
app.MapEvaluations();
app.MapPrintables();
app.MapLmsLocalization();
app.MapHealth();

app.Run();
return 0;

/// <summary>Exposed for WebApplicationFactory in the integration and browser tests.</summary>
public partial class Program;
