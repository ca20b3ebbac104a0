using Microsoft.AspNetCore.Http.Features;
using System.IO.Pipelines;

namespace TrainingLms.Web.Features.Clips;

/// <summary>
/// Sends a file by reading it straight into Kestrel's output pipe. Kestrel has no zero-copy send; its fallback reads
/// into a buffer of its own and copies that into the pipe, which made range requests half as fast. Everything else
/// (ranges, ETags, HEAD) stays with the framework's file result, which calls <see cref="SendFileAsync"/>.
/// </summary>
public sealed class PipeFileBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
{
    /// <summary>Bytes read from disk per step: large enough that a 1 MB range is a handful of reads.</summary>
    private const int ReadBytes = 256 * 1024;

    public Stream Stream => inner.Stream;

    public PipeWriter Writer => inner.Writer;

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task CompleteAsync() => inner.CompleteAsync();

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        var left = count ?? RandomAccess.GetLength(file) - offset;
        while (left > 0)
        {
            var buffer = Writer.GetMemory((int)Math.Min(ReadBytes, left));
            if (buffer.Length > left) buffer = buffer[..(int)left];
            var read = await RandomAccess.ReadAsync(file, buffer, offset, cancellationToken);
            if (read == 0) throw new EndOfStreamException($"{path} ended {left} bytes before the range it was asked for.");
            Writer.Advance(read);
            offset += read;
            left -= read;
            if ((await Writer.FlushAsync(cancellationToken)) is { IsCompleted: true } or { IsCanceled: true }) return;
        }
    }
}
