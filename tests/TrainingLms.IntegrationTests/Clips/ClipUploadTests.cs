using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingLms.Domain.Organisation;
using TrainingLms.IntegrationTests.Infrastructure;
using TrainingLms.Web.Features.Clips;
using TrainingLms.Web.Features.Demo;

namespace TrainingLms.IntegrationTests.Clips;

public sealed class SmallChunksFactory : ClipsFactory
{
    public const int ChunkBytes = 64 * 1024;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Clips:ChunkBytes"] = ChunkBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Clips:MaxUploadBytes"] = (50 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The chunked upload: resuming after a broken connection, refusing what does not fit, and keeping uploads private.</summary>
public class ClipUploadTests(SmallChunksFactory factory, MediaFiles media) : IClassFixture<SmallChunksFactory>, IClassFixture<MediaFiles>
{
    private static string UploadUrl(Guid id, long offset) => $"/api/clips/uploads/{id}?offset={offset}";

    private async Task<(HttpClient Client, string Token, byte[] Bytes, UploadStateResponse State)> StartAsync(string? slug = null)
    {
        var trainer = await factory.TrainerAsync();
        var token = await ClipApi.TokenAsync(trainer);
        var bytes = await File.ReadAllBytesAsync(await media.SampleAsync(SampleVideo.MovH264));
        var state = await ClipApi.StartAsync(trainer, token, ClipApi.Details(slug ?? ClipApi.NewSlug(), fileName: "大堂.mov", totalBytes: bytes.Length));
        return (trainer, token, bytes, state);
    }

    private static async Task<long> ReceivedAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<UploadStateResponse>())!.ReceivedBytes;

    [Fact]
    public async Task Upload_BrokenOffMidChunk_ResumesFromTheLastByteTheServerHas_AndCompletes()
    {
        var (trainer, token, bytes, state) = await StartAsync();
        const int chunk = SmallChunksFactory.ChunkBytes;
        Assert.Equal(chunk, state.ChunkBytes);

        Assert.Equal(HttpStatusCode.OK, (await ClipApi.SendAsync(trainer, HttpMethod.Put, UploadUrl(state.Id, 0), token, ClipApi.Bytes(bytes.AsSpan(0, chunk)))).StatusCode);
        // The connection breaks after 10,000 bytes of the second chunk: those bytes arrived and stay.
        var cut = await ClipApi.SendAsync(trainer, HttpMethod.Put, UploadUrl(state.Id, chunk), token, ClipApi.Bytes(bytes.AsSpan(chunk, 10_000)));
        Assert.Equal(chunk + 10_000, await ReceivedAsync(cut));
        // The client retries the whole second chunk: refused, and told where to carry on from.
        var retry = await ClipApi.SendAsync(trainer, HttpMethod.Put, UploadUrl(state.Id, chunk), token, ClipApi.Bytes(bytes.AsSpan(chunk, chunk)));
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        var offset = await ReceivedAsync(retry);
        Assert.Equal(offset, (await trainer.GetFromJsonAsync<UploadStateResponse>($"/api/clips/uploads/{state.Id}"))!.ReceivedBytes);

        for (; offset < bytes.Length;)
        {
            var length = (int)Math.Min(chunk, bytes.Length - offset);
            offset = await ReceivedAsync(await ClipApi.SendAsync(trainer, HttpMethod.Put, UploadUrl(state.Id, offset), token, ClipApi.Bytes(bytes.AsSpan((int)offset, length))));
        }
        var complete = await ClipApi.SendAsync(trainer, HttpMethod.Post, $"/api/clips/uploads/{state.Id}/complete", token);

        Assert.Equal(HttpStatusCode.Created, complete.StatusCode);
        var clipId = JsonDocument.Parse(await complete.Content.ReadAsStringAsync()).RootElement.GetProperty("clipId").GetInt32();
        var original = Path.Combine(factory.ClipsFolder, clipId.ToString(System.Globalization.CultureInfo.InvariantCulture), "original.mov");
        Assert.Equal(bytes, await File.ReadAllBytesAsync(original));
        Assert.Equal("大堂.mov", (await factory.WithDbAsync(db => db.Clips.SingleAsync(c => c.Id == clipId))).OriginalFileName);
    }

    [Fact]
    public async Task Chunk_AheadOfTheFile_OrLargerThanAChunk_IsRefused_AndNothingIsWritten()
    {
        var (trainer, token, bytes, state) = await StartAsync();

        var ahead = await ClipApi.SendAsync(trainer, HttpMethod.Put, UploadUrl(state.Id, 1000), token, ClipApi.Bytes(bytes.AsSpan(1000, 1000)));
        var tooLarge = await ClipApi.SendAsync(trainer, HttpMethod.Put, UploadUrl(state.Id, 0), token, ClipApi.Bytes(bytes.AsSpan(0, SmallChunksFactory.ChunkBytes + 1)));

        Assert.Equal(HttpStatusCode.Conflict, ahead.StatusCode);
        Assert.Equal(0, await ReceivedAsync(ahead));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(0, (await trainer.GetFromJsonAsync<UploadStateResponse>($"/api/clips/uploads/{state.Id}"))!.ReceivedBytes);
    }

    [Fact]
    public async Task Complete_BeforeEveryByteArrived_IsRefused()
    {
        var (trainer, token, bytes, state) = await StartAsync();
        await ClipApi.SendAsync(trainer, HttpMethod.Put, UploadUrl(state.Id, 0), token, ClipApi.Bytes(bytes.AsSpan(0, 1000)));

        var complete = await ClipApi.SendAsync(trainer, HttpMethod.Post, $"/api/clips/uploads/{state.Id}/complete", token);

        Assert.Equal(HttpStatusCode.Conflict, complete.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ClipUploads.CountAsync(u => u.Id == state.Id)));
    }

    [Fact]
    public async Task Complete_TwiceAtOnce_MakesOneClip_AndTheOtherIsToldItIsUnderWay()
    {
        var slug = ClipApi.NewSlug();
        var (trainer, token, bytes, state) = await StartAsync(slug);
        for (var offset = 0; offset < bytes.Length; offset += SmallChunksFactory.ChunkBytes)
            await ClipApi.SendAsync(trainer, HttpMethod.Put, UploadUrl(state.Id, offset), token, ClipApi.Bytes(bytes.AsSpan(offset, Math.Min(SmallChunksFactory.ChunkBytes, bytes.Length - offset))));

        // Two tabs, or a phone retrying a request whose answer it did not get.
        var completes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => ClipApi.SendAsync(trainer, HttpMethod.Post, $"/api/clips/uploads/{state.Id}/complete", token)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], completes.Select(c => c.StatusCode).Order());
        var conflict = completes.Single(c => c.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("正在处理", JsonDocument.Parse(await conflict.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        var clip = await factory.WithDbAsync(db => db.Clips.SingleAsync(c => c.Slug == slug));
        var original = Path.Combine(factory.ClipsFolder, clip.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "original.mov");
        Assert.Equal(bytes, await File.ReadAllBytesAsync(original));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ClipUploads.CountAsync(u => u.Id == state.Id)));
    }

    [Fact]
    public async Task Start_WithBadDetailsOrTooLarge_IsRefusedBeforeAnyByte_WithAMessagePerField()
    {
        var trainer = await factory.TrainerAsync();
        var token = await ClipApi.TokenAsync(trainer);
        var taken = (await factory.UploadReadyClipAsync(trainer, await media.SampleAsync(SampleVideo.PalDv43))).Slug;
        var uploadsBefore = await factory.WithDbAsync(db => db.ClipUploads.CountAsync());

        var response = await ClipApi.SendAsync(trainer, HttpMethod.Post, "/api/clips/uploads", token,
            ClipApi.Json(ClipApi.Details("Bad Slug!", fileName: "a.mp4", totalBytes: 100L * 1024 * 1024) with { Title = " " }));
        var duplicate = await ClipApi.SendAsync(trainer, HttpMethod.Post, "/api/clips/uploads", token,
            ClipApi.Json(ClipApi.Details(taken, fileName: "a.mp4", totalBytes: 1000)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("小写字母", errors.GetProperty("Slug").GetString());
        Assert.Equal("必填。", errors.GetProperty("Title").GetString());
        Assert.Contains("50 MB", errors.GetProperty("File").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True(JsonDocument.Parse(await duplicate.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("Slug", out _));
        Assert.Equal(uploadsBefore, await factory.WithDbAsync(db => db.ClipUploads.CountAsync()));
    }

    [Fact]
    public async Task Complete_SlugTakenMeanwhile_KeepsTheBytes_CorrectedDetailsThenComplete()
    {
        var (trainer, token, bytes, state) = await StartAsync(slug: "lobby-greeting");
        for (var offset = 0; offset < bytes.Length; offset += SmallChunksFactory.ChunkBytes)
            await ClipApi.SendAsync(trainer, HttpMethod.Put, UploadUrl(state.Id, offset), token, ClipApi.Bytes(bytes.AsSpan(offset, Math.Min(SmallChunksFactory.ChunkBytes, bytes.Length - offset))));
        await factory.UploadReadyClipAsync(trainer, await media.SampleAsync(SampleVideo.NtscDv43), slug: "lobby-greeting");

        var first = await ClipApi.SendAsync(trainer, HttpMethod.Post, $"/api/clips/uploads/{state.Id}/complete", token);
        var fixedDetails = await ClipApi.SendAsync(trainer, HttpMethod.Put, $"/api/clips/uploads/{state.Id}/details", token, ClipApi.Json(ClipApi.Details("lobby-greeting-2")));
        var second = await ClipApi.SendAsync(trainer, HttpMethod.Post, $"/api/clips/uploads/{state.Id}/complete", token);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, fixedDetails.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Clips.AnyAsync(c => c.Slug == "lobby-greeting-2")));
    }

    [Fact]
    public async Task Upload_OfAnotherTrainer_IsNotFound_AndCancelRemovesRowAndBytes()
    {
        var (owner, ownerToken, bytes, state) = await StartAsync();
        await ClipApi.SendAsync(owner, HttpMethod.Put, UploadUrl(state.Id, 0), ownerToken, ClipApi.Bytes(bytes.AsSpan(0, 1000)));
        await factory.CreatePersonAsync("TR2", [Roles.Trainer]);
        var other = await factory.SignedInAsync("TR2");
        var otherToken = await ClipApi.TokenAsync(other);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/clips/uploads/{state.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ClipApi.SendAsync(other, HttpMethod.Put, UploadUrl(state.Id, 1000), otherToken, ClipApi.Bytes(bytes.AsSpan(1000, 10)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ClipApi.SendAsync(other, HttpMethod.Post, $"/api/clips/uploads/{state.Id}/complete", otherToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ClipApi.SendAsync(other, HttpMethod.Delete, $"/api/clips/uploads/{state.Id}", otherToken)).StatusCode);

        var part = factory.Services.GetRequiredService<ClipStorage>().UploadPath(state.Id);
        Assert.True(File.Exists(part));
        Assert.Equal(HttpStatusCode.NoContent, (await ClipApi.SendAsync(owner, HttpMethod.Delete, $"/api/clips/uploads/{state.Id}", ownerToken)).StatusCode);
        Assert.False(File.Exists(part));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ClipUploads.CountAsync(u => u.Id == state.Id)));
    }

    [Fact]
    public async Task UploadApi_WithoutTheAntiforgeryHeader_OrForAnEmployee_IsRefused()
    {
        var trainer = await factory.TrainerAsync();
        await factory.CreatePersonAsync("EMP1", [Roles.Employee]);
        var employee = await factory.SignedInAsync("EMP1");
        var request = ClipApi.Details(ClipApi.NewSlug(), fileName: "a.mp4", totalBytes: 1000);
        var uploadsBefore = await factory.WithDbAsync(db => db.ClipUploads.CountAsync());

        var noToken = await trainer.PostAsJsonAsync("/api/clips/uploads", request);
        var asEmployee = await ClipApi.SendAsync(employee, HttpMethod.Post, "/api/clips/uploads", await ClipApi.TokenAsync(employee, "/clips"), ClipApi.Json(request));
        var anonymous = await factory.CreateSessionClient().PostAsJsonAsync("/api/clips/uploads", request);

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.False(asEmployee.IsSuccessStatusCode, $"employee got {asEmployee.StatusCode}");
        Assert.Contains(asEmployee.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        Assert.False(anonymous.IsSuccessStatusCode);
        Assert.Equal(uploadsBefore, await factory.WithDbAsync(db => db.ClipUploads.CountAsync()));
    }

    [Fact]
    public async Task AbandonedUploads_AreSweptWithTheirBytes()
    {
        var (_, _, _, state) = await StartAsync();
        await factory.WithDbAsync(db => db.ClipUploads.Where(u => u.Id == state.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.UpdatedAtUtc, DateTime.UtcNow.AddDays(-3))));
        var part = factory.Services.GetRequiredService<ClipStorage>().UploadPath(state.Id);
        File.SetLastWriteTimeUtc(part, DateTime.UtcNow.AddDays(-3));

        await factory.WithScopeAsync(services => services.GetRequiredService<ClipUploads>().RemoveAbandonedAsync());

        Assert.False(File.Exists(part));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ClipUploads.CountAsync(u => u.Id == state.Id)));
    }
}
