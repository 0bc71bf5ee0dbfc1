using System.Diagnostics;
using Babelcast.Engines.Apertium.Routing;
using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.Apertium.Pipelines;

/// <summary>One running mode pipeline (bash and its 12-18 children in their own process group),
/// spoken to with the null-flush protocol. Not thread-safe: <see cref="ApertiumPipeline"/> serialises use.</summary>
internal sealed class PipelineProcess : IDisposable
{
    // `apertium -z` hangs (its gawk wrapper waits for more input), so run the mode's own pipeline.
    // $1 = -n generates without unknown-word marks; $2 = "" is the tagger option.
    private const string DefaultCommand = "eval \"$(apertium-wblank-mode -z \"$APERTIUM_MODE_FILE\")\"";

    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly Stream _stdout;
    private readonly MemoryStream _received = new();
    private readonly byte[] _buffer = new byte[8192];
    private int _disposed;

    private PipelineProcess(Process process)
    {
        _process = process;
        Id = process.Id;
        _stdin = process.StandardInput.BaseStream;
        _stdout = process.StandardOutput.BaseStream;
    }

    public int Id { get; }

    public bool HasExited
    {
        get
        {
            try
            {
                return Volatile.Read(ref _disposed) != 0 || _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    public static PipelineProcess Start(ApertiumMode mode, string? commandOverride, ILogger logger)
    {
        // setsid execs bash as the leader of a new process group (pgid = pid), so one kill(-pid) ends the lot.
        var info = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "bash", "-c", commandOverride ?? DefaultCommand, "apertium-" + mode.Name, "-n", string.Empty })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["LC_ALL"] = "C.UTF-8";
        info.Environment["APERTIUM_MODE_FILE"] = mode.FilePath;
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                Log.PipelineStderr(logger, mode.Name, e.Data);
            }
        };
        try
        {
            process.Start();
            process.BeginErrorReadLine();
            return new PipelineProcess(process);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends one phrase and reads its reply. IOException/EndOfStreamException mean the pipeline died.</summary>
    public async Task<string> ExchangeAsync(string text, CancellationToken cancellationToken)
    {
        // Killing the group unblocks a write into a full pipe or a read, whatever the stream does with the token.
        using var registration = cancellationToken.Register(static state => ProcessGroup.Kill((int)state!), Id);
        try
        {
            return await WriteAndReadAsync(text, cancellationToken);
        }
        catch (IOException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private async Task<string> WriteAndReadAsync(string text, CancellationToken cancellationToken)
    {
        await _stdin.WriteAsync(ApertiumProtocol.Encode(text), cancellationToken);
        await _stdin.FlushAsync(cancellationToken);
        while (true)
        {
            // Empty segments are stray flushes; a real reply holds at least the "\n" we sent.
            while (TryTakeSegment(out var segment))
            {
                if (segment.Length > 0)
                {
                    return ApertiumProtocol.Decode(segment);
                }
            }

            var read = await _stdout.ReadAsync(_buffer, cancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException("The Apertium pipeline closed its output.");
            }

            await _received.WriteAsync(_buffer.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>Ends the pipeline: closing its input lets every stage finish and bash reap them (a group
    /// kill orphans the stages, and an init that does not reap leaves them as zombies); a pipeline still
    /// running after <paramref name="grace"/> is killed.</summary>
    public void Close(TimeSpan grace)
    {
        if (grace > TimeSpan.Zero && Volatile.Read(ref _disposed) == 0)
        {
            try
            {
                _stdin.Close();
                _process.WaitForExit(grace);
            }
            catch (Exception)
            {
                // Broken pipe or already gone: the kill below settles it.
            }
        }

        Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        ProcessGroup.Kill(Id);
        try
        {
            // Covers a child that left the group; a no-op when the group kill got everything.
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception)
        {
            // Already gone.
        }

        _process.Dispose();
        _received.Dispose();
    }

    private bool TryTakeSegment(out byte[] segment)
    {
        var data = _received.GetBuffer().AsSpan(0, (int)_received.Length);
        var end = data.IndexOf((byte)0);
        if (end < 0)
        {
            segment = [];
            return false;
        }

        segment = data[..end].ToArray();
        var rest = data[(end + 1)..].ToArray();
        _received.SetLength(0);
        _received.Write(rest);
        return true;
    }
}
