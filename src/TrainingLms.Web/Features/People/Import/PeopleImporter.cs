using Microsoft.AspNetCore.Identity;
using TrainingLms.Domain.People.Import;

namespace TrainingLms.Web.Features.People.Import;

public sealed record ImportSettings(bool CreateMissing, string? InitialPassword, bool CheckOnly);

public sealed record ImportOutcome(ImportBatch Batch, IReadOnlyList<ImportIssue> Issues, IReadOnlyList<string> PasswordProblems, ImportFailure? Failure = null)
{
    public bool Succeeded => Issues.Count == 0 && PasswordProblems.Count == 0 && Failure is null;
}

/// <summary>
/// Imports people from a CSV: every row is checked first and a single bad row stops the whole file.
/// Keyed by employee number, so importing the same file again changes nothing. Checking takes no lock; the writing
/// (<see cref="ImportWriter"/>) goes in short transactions and is still all or nothing.
/// </summary>
public class PeopleImporter(
    IDbContextFactory<LmsDbContext> dbFactory,
    UserManager<Person> users,
    IPasswordHasher<Person> hasher,
    TimeProvider clock,
    ImportWriter writer,
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
        ImportSnapshot snapshot;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            snapshot = await ImportSnapshot.LoadAsync(db, cancellationToken);
        var validation = PersonImportValidator.Validate(content.Rows, snapshot.Reference(), settings.CreateMissing);
        if (content.Issues.Count > 0)
            validation = validation with { Issues = [.. content.Issues.Concat(validation.Issues).OrderBy(issue => issue.Line)] };

        var newPeople = validation.Rows.Where(row => !snapshot.People.ContainsKey(users.NormalizeName(row.EmployeeNumber))).ToList();
        var passwordProblems = newPeople.Count > 0 ? await CheckInitialPasswordAsync(settings.InitialPassword, newPeople) : [];
        batch.ProblemCount = validation.Issues.Count + passwordProblems.Count;
        if (settings.CheckOnly) return new ImportOutcome(batch, validation.Issues, passwordProblems);

        ImportFailure? failure = null;
        if (validation.IsValid && passwordProblems.Count == 0)
        {
            // Everyone new gets the same temporary password, which they must change at first sign-in; hashing it once
            // keeps a large import within seconds.
            var initialHash = newPeople.Count > 0 ? hasher.HashPassword(new Person { FullName = "" }, settings.InitialPassword!) : null;
            var plan = ImportPlanner.Plan(validation.Rows, snapshot, initialHash, batch.ImportedAtUtc, users.NormalizeName, users.NormalizeEmail);
            (batch.Created, batch.Updated, batch.Unchanged) = (plan.NewPeople.Count, plan.Changes.Count, plan.Unchanged);
            failure = await writer.WriteAsync(batch, plan, cancellationToken);
        }
        else
            await writer.RecordRefusedAsync(batch, cancellationToken);

        logger.LogInformation("People import {File} ({Encoding}, {Rows} rows): {Outcome}; {Created} created, {Updated} updated, {Unchanged} unchanged, {Problems} problems",
            batch.FileName, batch.Encoding, batch.RowCount, failure?.ToString() ?? batch.Status.ToString(), batch.Created, batch.Updated, batch.Unchanged, batch.ProblemCount);
        return new ImportOutcome(batch, validation.Issues, passwordProblems, failure);
    }

    /// <summary>The shared initial password, checked as each new person's own: it must not contain any of their numbers.</summary>
    private async Task<List<string>> CheckInitialPasswordAsync(string? password, IEnumerable<ValidPersonRow> newPeople)
    {
        if (string.IsNullOrEmpty(password)) return [nameof(ImportSettings.InitialPassword)];
        var problems = new List<string>();
        foreach (var row in newPeople)
        {
            var person = new Person { FullName = row.FullName, UserName = row.EmployeeNumber, PhoneNumber = row.Phone };
            foreach (var validator in users.PasswordValidators)
            {
                foreach (var error in (await validator.ValidateAsync(users, person, password)).Errors)
                {
                    if (!problems.Contains(error.Description)) problems.Add(error.Description);
                }
            }
        }
        return problems;
    }
}
