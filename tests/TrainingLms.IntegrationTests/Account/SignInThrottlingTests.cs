using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrainingLms.Data;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Account;
using TrainingLms.Web.Features.People;

namespace TrainingLms.IntegrationTests.Account;

/// <summary>
/// Password guessing at the sign-in page: slowed per client address and per what was typed, never a lock a stranger
/// can put on someone else's account, and never an answer that tells whether an account exists.
/// </summary>
public partial class SignInThrottlingTests(SignInFactory factory) : IClassFixture<SignInFactory>
{
    private const string Wrong = "wrong-password1";

    /// <summary>Account:SignInFreeFailures and Account:SignInFreeFailuresPerAddress at their defaults.</summary>
    private const int FreeFailures = 5;
    private const int FreeFailuresPerAddress = 30;

    [Fact]
    public async Task SignIn_SameIdentifierUnknownThenKnown_ByteIdenticalAnswers_AlsoWhenThrottled()
    {
        // The same typed identifier, first while no such account exists, then once it does: nothing may differ.
        const string number = "K100";
        var unknownFirst = await AnswerAsync(factory.ClientFrom("203.0.113.1"), number);
        var unknownThrottled = await AnswerAfterGuessesAsync(factory.ClientFrom("203.0.113.2"), number);
        await factory.CreatePersonAsync(number, [Roles.Employee], phone: "13912341100");
        var knownFirst = await AnswerAsync(factory.ClientFrom("203.0.113.3"), number);
        var knownThrottled = await AnswerAfterGuessesAsync(factory.ClientFrom("203.0.113.4"), number);

        Assert.Equal(HttpStatusCode.OK, unknownFirst.Status);
        Assert.Contains("登录失败", unknownFirst.Body);
        Assert.Equal(unknownFirst, knownFirst);
        Assert.Equal(HttpStatusCode.TooManyRequests, unknownThrottled.Status);
        Assert.Contains("登录尝试次数过多", unknownThrottled.Body);
        Assert.Equal(unknownThrottled, knownThrottled);
    }

    [Fact]
    public async Task PasswordHashes_CostIdentitysHundredThousandRounds_OfHmacSha512()
    {
        var personId = await factory.CreatePersonAsync("K050", [Roles.Employee]);
        var hash = Convert.FromBase64String((await factory.WithDbAsync(db => db.Users.Where(p => p.Id == personId).Select(p => p.PasswordHash).SingleAsync()))!);

        // Identity's v3 format: a marker byte, then the PRF and the round count as big-endian 32-bit numbers.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal((uint)KeyDerivationPrf.HMACSHA512, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)));
        Assert.Equal(100_000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)));
    }

    [Fact]
    public async Task SignIn_UnknownWrongPasswordOrDeactivated_EachCostsExactlyOnePasswordCheck()
    {
        await factory.CreatePersonAsync("K200", [Roles.Employee]);
        var deactivated = await factory.CreatePersonAsync("K201", [Roles.Employee]);
        await factory.WithScopeAsync(services => services.GetRequiredService<PeopleAdministration>().SetActiveAsync(deactivated, active: false));
        var client = factory.ClientFrom("203.0.113.10");

        var work = new Dictionary<string, List<string>>();
        foreach (var (name, identifier, password) in new[] { ("unknown", "K299", Wrong), ("wrong password", "K200", Wrong), ("deactivated", "K201", LmsFactory.Password) })
        {
            var form = await SignInFormAsync(client, identifier, password);
            factory.HashWork.Take();
            var response = await client.PostAsync("/account/signin", form);
            Assert.Contains("登录失败", await response.Content.ReadAsStringAsync());
            work[name] = factory.HashWork.Take();
        }

        Assert.All(work, entry => Assert.Equal(["verify"], entry.Value));
    }

    [Fact]
    public async Task SignIn_UnknownAndKnownIdentifier_SimilarTime()
    {
        // Wall-clock, so compared generously: medians of 20 tries each, interleaved so that load on the machine falls
        // on both alike. The exact guarantee is the hashing-work test above; this one catches a fast path by any cause.
        await factory.CreatePersonAsync("K300", [Roles.Employee]);
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = -2; i < 20; i++)
        {
            var knownTime = await TimeSignInAsync(factory.ClientFrom($"198.51.100.{i + 30}"), "K300");
            var unknownTime = await TimeSignInAsync(factory.ClientFrom($"198.51.100.{i + 130}"), "K399");
            if (i < 0) continue; // warming up
            known.Add(knownTime);
            unknown.Add(unknownTime);
        }

        var (knownMedian, unknownMedian) = (Median(known), Median(unknown));
        var ratio = knownMedian / unknownMedian;
        Assert.True(ratio is > 1 / 3.0 and < 3.0, $"Median known {knownMedian:F1} ms, unknown {unknownMedian:F1} ms");
    }

    [Fact]
    public async Task SignIn_StrangersGuessesFromOneAddress_WorkerSignsInFromAnother()
    {
        await factory.CreatePersonAsync("K400", [Roles.Employee]);
        var stranger = factory.ClientFrom("203.0.113.40");
        for (var i = 0; i < FreeFailures + 3; i++) await stranger.SignInAsync("K400", Wrong + i);

        var worker = factory.ClientFrom("192.0.2.40");
        var response = await worker.SignInAsync("K400");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_RepeatedGuessesFromOneAddress_RefusedWith429AndRetryAfter_EvenTheRightPassword()
    {
        await factory.CreatePersonAsync("K500", [Roles.Employee]);
        var guesser = factory.ClientFrom("203.0.113.50");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < FreeFailures; i++) statuses.Add((await guesser.SignInAsync("K500", Wrong + i)).StatusCode);

        var refused = await guesser.SignInAsync("K500");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Contains("登录尝试次数过多。请 1 分钟后再试", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await guesser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_ManyIdentifiersFromOneAddress_TheAddressIsSlowedToo()
    {
        var sprayer = factory.ClientFrom("203.0.113.60");
        for (var i = 0; i < FreeFailuresPerAddress; i++)
            Assert.Equal(HttpStatusCode.OK, (await sprayer.SignInAsync($"SPRAY{i}", Wrong)).StatusCode);

        var next = await sprayer.SignInAsync("SPRAY-FRESH", Wrong);

        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        Assert.Contains("登录尝试次数过多", await next.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_GuessesSentAllAtOnce_OnlyTheAllowanceIsChecked()
    {
        await factory.CreatePersonAsync("K700", [Roles.Employee]);
        var clients = Enumerable.Range(0, 20).Select(_ => factory.ClientFrom("203.0.113.70")).ToList();
        var forms = new List<FormUrlEncodedContent>();
        foreach (var client in clients) forms.Add(await SignInFormAsync(client, "K700", Wrong));
        factory.HashWork.Take();

        var responses = await Task.WhenAll(clients.Select((client, i) => client.PostAsync("/account/signin", forms[i])));

        Assert.Equal(FreeFailures, factory.HashWork.Take().Count(operation => operation == "verify"));
        Assert.Equal(FreeFailures, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(20 - FreeFailures, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Counters_SeveralInstancesAtOnce_OnlyTheAllowanceGetsThrough()
    {
        // Twenty app instances (each its own SignInThrottling, so no shared in-process turns) on one database.
        var services = factory.Services;
        var instances = Enumerable.Range(0, 20).Select(_ => new SignInThrottling(
            services.GetRequiredService<IDbContextFactory<LmsDbContext>>(), services.GetRequiredService<IOptions<AccountOptions>>(),
            TimeProvider.System, NullLogger<SignInThrottling>.Instance)).ToList();
        var checking = 0;
        var refused = 0;
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        var tries = instances.Select(async instance =>
        {
            var tried = await instance.TryAsync("203.0.113.80", "N:K800", async () =>
            {
                Interlocked.Increment(ref checking);
                return await release.Task; // every check that got through is still running when the others ask
            }, right => right);
            if (tried.WasRefused) Interlocked.Increment(ref refused);
        }).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Volatile.Read(ref checking) + Volatile.Read(ref refused) < instances.Count && DateTime.UtcNow < deadline) await Task.Delay(20);
        release.SetResult(false);
        await Task.WhenAll(tries);

        Assert.Equal((FreeFailures, 20 - FreeFailures), (checking, refused));
    }

    private async Task<Answer> AnswerAfterGuessesAsync(HttpClient client, string identifier)
    {
        for (var i = 0; i < FreeFailures; i++) await client.SignInAsync(identifier, Wrong);
        return await AnswerAsync(client, identifier);
    }

    private static async Task<Answer> AnswerAsync(HttpClient client, string identifier)
    {
        var response = await client.SignInAsync(identifier, Wrong);
        return new Answer(response.StatusCode, AntiforgeryToken().Replace(await response.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"…\""));
    }

    private static async Task<double> TimeSignInAsync(HttpClient client, string identifier)
    {
        var form = await SignInFormAsync(client, identifier, Wrong);
        var stopwatch = Stopwatch.StartNew();
        var response = await client.PostAsync("/account/signin", form);
        await response.Content.ReadAsStringAsync();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The sign-in form filled in, with the token of a freshly fetched page, ready to post.</summary>
    private static async Task<FormUrlEncodedContent> SignInFormAsync(HttpClient client, string identifier, string password)
    {
        var page = await client.GetStringAsync("/account/signin");
        var token = WebUtility.HtmlDecode(TokenValue().Match(page).Groups[1].Value);
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Identifier"] = identifier,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "signin",
        });
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Answer(HttpStatusCode Status, string Body);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenValue();
}
