using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using TrainingLms.Web.Features.Clips;

namespace TrainingLms.Web.Tests.Features.Clips;

public sealed class PipeFileBodyTests : IDisposable
{
    private readonly string path = Path.GetTempFileName();
    private readonly byte[] content = new byte[1_000_003];

    public PipeFileBodyTests()
    {
        new Random(7).NextBytes(content);
        File.WriteAllBytes(path, content);
    }

    public void Dispose() => File.Delete(path);

    [Theory]
    [InlineData(0L, 100L)]
    [InlineData(12_345L, 600_000L)]       // across several reads
    [InlineData(999_003L, 1000L)]         // the last bytes
    [InlineData(262_144L, null)]         // from a read boundary to the end
    public async Task SendFile_Range_WritesExactlyThoseBytes(long offset, long? count)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var body = new PipeFileBody(new PipeBody(pipe.Writer));

        await body.SendFileAsync(path, offset, count);
        await pipe.Writer.CompleteAsync();
        var sent = new MemoryStream();
        await pipe.Reader.CopyToAsync(sent);

        Assert.Equal(content.AsSpan((int)offset, (int)(count ?? content.Length - offset)).ToArray(), sent.ToArray());
    }

    [Fact]
    public async Task SendFile_RangePastTheEnd_FailsRatherThanSendingTooFew()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var body = new PipeFileBody(new PipeBody(pipe.Writer));

        await Assert.ThrowsAsync<EndOfStreamException>(() => body.SendFileAsync(path, content.Length - 10, 20));
    }

    private sealed class PipeBody(PipeWriter writer) : IHttpResponseBodyFeature
    {
        public Stream Stream => writer.AsStream();
        public PipeWriter Writer => writer;
        public void DisableBuffering() { }
        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task CompleteAsync() => writer.CompleteAsync().AsTask();
    }
}
