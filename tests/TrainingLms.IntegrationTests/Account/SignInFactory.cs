using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingLms.Data.Identity;
using TrainingLms.IntegrationTests.Infrastructure;

namespace TrainingLms.IntegrationTests.Account;

/// <summary>
/// The real app, with two test hooks: the client address comes from a request header (an in-process test server has
/// none), and the real password hasher is wrapped so that a test can count the hashing work a request did.
/// </summary>
public class SignInFactory : LmsFactory
{
    public const string AddressHeader = "X-Test-Client-Address";

    public PasswordHashWork HashWork { get; } = new();

    /// <summary>Answers must take as long for an unknown account as for a wrong password: measured at the app's real cost.</summary>
    protected override bool RealPasswordHashCost => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            services.AddScoped<IPasswordHasher<Person>>(provider =>
                new CountingPasswordHasher(new PasswordHasher<Person>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()), HashWork));
        });
    }

    /// <summary>A browser-like client whose requests come from <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = this.CreateSessionClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Every hash made and every hash checked, in order.</summary>
public sealed class PasswordHashWork
{
    private readonly ConcurrentQueue<string> operations = new();

    public void Record(string operation) => operations.Enqueue(operation);

    /// <summary>The operations since the last call.</summary>
    public List<string> Take()
    {
        var taken = new List<string>();
        while (operations.TryDequeue(out var operation)) taken.Add(operation);
        return taken;
    }
}

/// <summary>The real hasher, counted.</summary>
public sealed class CountingPasswordHasher(IPasswordHasher<Person> inner, PasswordHashWork work) : IPasswordHasher<Person>
{
    public string HashPassword(Person user, string password)
    {
        work.Record("hash");
        return inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(Person user, string hashedPassword, string providedPassword)
    {
        work.Record("verify");
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
