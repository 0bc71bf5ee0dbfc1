using System.Net;
using System.Net.Http.Headers;

namespace Babelcast.Server.Models;

/// <summary>
/// Downloads one model into FILE.partial, resuming it with a Range request when a partial file exists, then checks
/// it against the table and renames it to FILE. A server that ignores Range (200 instead of 206) is read from the
/// start again; a checksum mismatch deletes the partial file; a network error or Ctrl+C keeps it for the next run.
/// Expected failures are <see cref="DownloadResult"/> values, never exceptions.
/// </summary>
internal sealed class ModelDownloader(HttpClient http, TimeProvider time, TextWriter progress, bool terminal, TimeSpan stallTimeout)
{
    private const int BufferSize = 64 * 1024;

    public async Task<DownloadResult> DownloadAsync(ModelCatalogEntry model, ModelFiles files, Uri baseUrl, string? expectedSha256, CancellationToken cancellationToken)
    {
        var finalPath = files.PathOf(model);
        var partialPath = files.PartialPathOf(model);
        if (File.Exists(finalPath))
        {
            return new DownloadResult(DownloadOutcome.AlreadyInstalled, $"{model.Name} is already installed at {finalPath} (run 'babelcast models verify {model.Name}' to check it).");
        }

        files.Ensure();
        var url = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(model.File));
        var fetched = await FetchAsync(url, partialPath, cancellationToken);
        if (fetched is not null)
        {
            return fetched;
        }

        await progress.WriteLineAsync($"verifying {model.File}...");
        ModelCheck check;
        try
        {
            check = await ModelChecksums.CheckAsync(partialPath, model, expectedSha256, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new DownloadResult(DownloadOutcome.Cancelled, $"cancelled while verifying; the download is kept in {partialPath}.");
        }

        switch (check.Status)
        {
            case ModelCheckStatus.Mismatch:
                File.Delete(partialPath);
                return new DownloadResult(DownloadOutcome.ChecksumMismatch,
                    $"{model.File} from {url} does not match the table: {check.Kind} expected {check.Expected}, got {check.Actual}. The download was deleted; nothing was installed.");
            case ModelCheckStatus.UnknownChecksum:
                // The command refuses such a model before downloading; this guards any other caller.
                return new DownloadResult(DownloadOutcome.Failed, $"{model.Name} has no known checksum; the download is kept unverified in {partialPath}.");
            default:
                File.Move(partialPath, finalPath, overwrite: false);
                return new DownloadResult(DownloadOutcome.Installed, $"installed {model.Name} at {finalPath} ({check.Kind} {check.Actual} verified).");
        }
    }

    /// <summary>Brings the partial file to the full length; null when done, else why not.</summary>
    private async Task<DownloadResult?> FetchAsync(Uri url, string partialPath, CancellationToken cancellationToken)
    {
        // The second round only follows a 416 for a partial file longer than the server's (a changed file): restart.
        for (var round = 0; round < 2; round++)
        {
            var existing = ModelFiles.LengthOf(partialPath) ?? 0;
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (existing > 0)
            {
                request.Headers.Range = new RangeHeaderValue(existing, null);
            }

            // The client has no overall timeout (a large model takes long); a server that sends no headers is abandoned.
            using var headersTimeout = new CancellationTokenSource(stallTimeout, time);
            using var headersToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, headersTimeout.Token);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headersToken.Token);
            }
            catch (HttpRequestException e)
            {
                return Interrupted($"could not reach {url}: {e.Message}", partialPath);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Cancelled(partialPath);
            }
            catch (OperationCanceledException)
            {
                return Interrupted($"{url} sent no answer for {stallTimeout.TotalSeconds:0} s", partialPath);
            }

            headersTimeout.CancelAfter(Timeout.InfiniteTimeSpan); // the body has its own stall timer

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && existing > 0)
                {
                    if (response.Content.Headers.ContentRange?.Length == existing)
                    {
                        return null; // The previous run had received every byte.
                    }

                    await progress.WriteLineAsync("the partial file does not fit the file on the server; starting again");
                    File.Delete(partialPath);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return new DownloadResult(DownloadOutcome.Failed,
                        $"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}." + (existing > 0 ? $" The partial download is kept in {partialPath}." : ""));
                }

                long offset = 0;
                if (response.StatusCode == HttpStatusCode.PartialContent)
                {
                    if (response.Content.Headers.ContentRange?.From != existing)
                    {
                        File.Delete(partialPath);
                        return new DownloadResult(DownloadOutcome.Failed,
                            $"{url} answered a range other than the one asked for (bytes {existing}-); the partial download was deleted, run again to start over.");
                    }

                    offset = existing;
                    await progress.WriteLineAsync($"resuming {Path.GetFileName(partialPath)} at {ModelFiles.Mebibytes(offset)}");
                }
                else if (existing > 0)
                {
                    await progress.WriteLineAsync("the server does not support resuming (it ignored the Range request); starting again from zero");
                }

                return await CopyAsync(response, partialPath, offset, cancellationToken);
            }
        }

        return new DownloadResult(DownloadOutcome.Failed, $"could not resume {partialPath}; delete it and run again.");
    }

    private async Task<DownloadResult?> CopyAsync(HttpResponseMessage response, string partialPath, long offset, CancellationToken cancellationToken)
    {
        var total = response.Content.Headers.ContentLength + offset;
        var display = new DownloadProgress(progress, terminal, time, offset, total);
        var written = offset;
        using var stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        try
        {
            await using var file = new FileStream(partialPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            file.SetLength(offset); // 200 after a Range request: the old bytes go
            file.Position = offset;
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[BufferSize];
            while (true)
            {
                stall.CancelAfter(stallTimeout);
                var read = await body.ReadAsync(buffer, linked.Token);
                if (read == 0)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
                written += read;
                display.Advance(read);
            }

            await file.FlushAsync(CancellationToken.None);
            RandomAccess.FlushToDisk(file.SafeFileHandle); // before the rename makes the file official
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            display.Finish();
            return Cancelled(partialPath);
        }
        catch (OperationCanceledException)
        {
            display.Finish();
            return Interrupted($"no data from the server for {stallTimeout.TotalSeconds:0} s", partialPath);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            display.Finish();
            return Interrupted($"the download was interrupted: {e.Message}", partialPath);
        }

        display.Finish();
        return total is { } expected && written < expected
            ? Interrupted($"the server closed the connection after {written} of {expected} bytes", partialPath)
            : null;
    }

    private static DownloadResult Interrupted(string reason, string partialPath) =>
        new(DownloadOutcome.Failed, File.Exists(partialPath) && new FileInfo(partialPath).Length > 0
            ? $"{reason}. {new FileInfo(partialPath).Length} bytes are kept in {partialPath}; run the same command again to resume."
            : reason + ".");

    private static DownloadResult Cancelled(string partialPath) =>
        new(DownloadOutcome.Cancelled, File.Exists(partialPath)
            ? $"cancelled; {new FileInfo(partialPath).Length} bytes are kept in {partialPath}; run the same command again to resume."
            : "cancelled.");
}
