using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrainingLms.Data;
using TrainingLms.Domain.Organisation;
using TrainingLms.Data.Identity;
using TrainingLms.Web.Features.People;
using TrainingLms.Web.Infrastructure;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>The real app on a real database (a SQLite file, or PostgreSQL: <see cref="TestDatabase"/>) and a fresh temporary data folder.</summary>
public class LmsFactory : WebApplicationFactory<Program>
{
    public const string Password = "smile2026";

    public string DataPath { get; }

    /// <summary>Seed the demo company (sign-ins from DemoSeeder.Accounts, password <see cref="Password"/>).</summary>
    public bool Demo { get; protected init; }

    /// <summary>Employee number of the administrator every factory starts with, unless <see cref="EmptyDatabase"/>.</summary>
    public const string AdministratorNumber = "ADMIN1";

    /// <summary>Start with no people at all, so the first-administrator set-up is open.</summary>
    public bool EmptyDatabase { get; init; }

    /// <summary>Services a test adds to the app's (after the app's own), e.g. an interceptor that counts queries.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Settings a test class changes, as <c>Section:Key</c>.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Errors the app logged while this factory ran.</summary>
    public ErrorLog Errors { get; } = new();

    /// <summary>The app's database: a SQLite file in <see cref="DataPath"/>, or its own on PostgreSQL (<see cref="TestDatabase"/>).</summary>
    public TestDatabase Database { get; }

    /// <summary>The instance whose database and data folder this one shares (<see cref="SecondInstance"/>); it cleans them up.</summary>
    private readonly LmsFactory? first;

    public LmsFactory()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "traininglms-tests", Guid.NewGuid().ToString("N"));
        Database = new TestDatabase(DataPath);
    }

    /// <summary>Another app instance on <paramref name="first"/>'s database and data folder, with memory of its own.</summary>
    protected LmsFactory(LmsFactory first)
    {
        this.first = first;
        DataPath = first.DataPath;
        Database = first.Database;
        EmptyDatabase = true;
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        Database.EnsureCreated();
        var host = base.CreateHost(builder);
        if (!EmptyDatabase && !Demo)
        {
            using var scope = host.Services.CreateScope();
            var people = scope.ServiceProvider.GetRequiredService<PeopleAdministration>();
            var result = people.CreateAsync(
                new PersonInput { EmployeeNumber = AdministratorNumber, FullName = "管理员", Roles = [Roles.Admin] },
                Password, mustChangePassword: false).GetAwaiter().GetResult();
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Values));
        }
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataPath", DataPath);
        foreach (var (key, value) in Database.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Demo:Enabled", Demo ? "true" : "false");
        builder.UseSetting("Demo:Password", Password);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        if (!RealPasswordHashCost)
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = TestPasswordHashIterations));
        if (TestServices is { } add) builder.ConfigureTestServices(add);
    }

    /// <summary>
    /// A password hash costs Identity's default 100,000 PBKDF2 rounds in the app (some 50 ms of a core); the tests sign
    /// in and create people thousands of times, so their instances hash with far fewer rounds. What is hashed, when
    /// and how it is checked is unchanged; the tests about the hashing's cost keep the real one.
    /// </summary>
    protected virtual bool RealPasswordHashCost => false;

    public const int TestPasswordHashIterations = 1_000;

    /// <summary>Creates a person through the same service the administrator pages use.</summary>
    public async Task<string> CreatePersonAsync(string employeeNumber, string[] roles, string password = Password, string? phone = null, string? email = null)
    {
        using var scope = Services.CreateScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleAdministration>();
        var result = await people.CreateAsync(
            new PersonInput { EmployeeNumber = employeeNumber, FullName = "测试" + employeeNumber, Phone = phone, Email = email, Roles = [.. roles] },
            password, mustChangePassword: false);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Values));
        return result.PersonId!;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<LmsDbContext, Task<T>> action) =>
        WithScopeAsync(services => action(services.GetRequiredService<LmsDbContext>()));

    public async Task<HttpClient> SignedInAsync(string number)
    {
        var client = this.CreateSessionClient();
        await client.SignInAsync(number);
        return client;
    }

    public Task<Person?> FindPersonAsync(string employeeNumber) =>
        WithScopeAsync(services => services.GetRequiredService<UserManager<Person>>().FindByNameAsync(employeeNumber));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (first is not null) return;
        Database.Drop();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
