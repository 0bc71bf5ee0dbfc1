using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Babelcast.Scripture.Sword;

/// <summary>
/// Runs diatheke as a child process with an argument list (no shell), a bound on time and output, and SWORD_PATH set.
/// The query key goes last, as diatheke requires.
/// </summary>
internal sealed class DiathekeRunner(string executable, string swordPath, TimeSpan timeout)
{
    /// <summary>A whole chapter is under 40 KiB of markup; more means something else is wrong.</summary>
    private const int MaxOutputChars = 1 << 20;

    public string Executable => executable;

    public async Task<DiathekeResult> RunAsync(string module, string key, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-b", module, "-f", "internal", "-k", key })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SWORD_PATH"] = swordPath;
        using var process = new Process { StartInfo = start };
        try
        {
            if (!process.Start())
            {
                return DiathekeResult.Failed("diatheke did not start");
            }
        }
        catch (Win32Exception e)
        {
            return DiathekeResult.Failed($"diatheke could not start: {e.Message}");
        }

        process.StandardInput.Close();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            var stdout = ReadBoundedAsync(process.StandardOutput, bounded.Token);
            var stderr = ReadBoundedAsync(process.StandardError, bounded.Token);
            await process.WaitForExitAsync(bounded.Token);
            var output = await stdout;
            var error = await stderr;
            return process.ExitCode == 0
                ? DiathekeResult.Ok(output)
                : DiathekeResult.Failed($"diatheke exited with {process.ExitCode}: {error.Trim()}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            return DiathekeResult.Failed($"diatheke timed out after {timeout.TotalSeconds:F1} s");
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
        catch (InvalidDataException e)
        {
            Kill(process);
            return DiathekeResult.Failed(e.Message);
        }
    }

    private static async Task<string> ReadBoundedAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxOutputChars)
            {
                throw new InvalidDataException($"diatheke printed more than {MaxOutputChars} characters");
            }
        }

        return text.ToString();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }
}
