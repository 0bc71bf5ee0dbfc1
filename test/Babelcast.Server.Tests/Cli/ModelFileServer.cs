using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Babelcast.Server.Tests.Cli;

/// <summary>How <see cref="ModelFileServer"/> answers the next requests.</summary>
public enum ModelServerMode
{
    /// <summary>Honours "Range: bytes=N-" with 206 and Content-Range (as Hugging Face's CDN does).</summary>
    Ranges,

    /// <summary>Always 200 with the whole file, whatever Range asks.</summary>
    IgnoresRange,

    /// <summary>Honours Range but sends half of what remains and then aborts the connection.</summary>
    DropsHalfway,

    /// <summary>Sends half of what remains and then nothing more until the client goes away.</summary>
    StallsHalfway,
}

/// <summary>
/// A real Kestrel on 127.0.0.1 serving one generated file at /FILE, with the Range behaviour of <see cref="Mode"/>,
/// and a record of the Range header of every request (empty string when none).
/// </summary>
public sealed class ModelFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ModelFileServer(WebApplication app, string fileName, byte[] content)
    {
        _app = app;
        FileName = fileName;
        Content = content;
    }

    public string FileName { get; }

    public byte[] Content { get; }

    public string BaseUrl { get; private set; } = "";

    public ModelServerMode Mode { get; set; }

    public ConcurrentQueue<string> RangeHeaders { get; } = new();

    public static async Task<ModelFileServer> StartAsync(string fileName, byte[] content)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ModelFileServer(app, fileName, content);
        app.Run(server.ServeAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/models";
        return server;
    }

    private async Task ServeAsync(HttpContext context)
    {
        var rangeHeader = context.Request.Headers.Range.ToString();
        RangeHeaders.Enqueue(rangeHeader);
        if (context.Request.Path != "/models/" + FileName)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var mode = Mode;
        long start = 0;
        if (mode != ModelServerMode.IgnoresRange && RangeHeaderValue.TryParse(rangeHeader, out var range)
            && range.Ranges.Count == 1 && range.Ranges.First() is { From: { } from, To: null })
        {
            if (from >= Content.Length)
            {
                context.Response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                context.Response.Headers.ContentRange = $"bytes */{Content.Length}";
                return;
            }

            start = from;
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = $"bytes {start}-{Content.Length - 1}/{Content.Length}";
        }

        context.Response.ContentLength = Content.Length - start;
        context.Response.ContentType = "application/octet-stream";
        var ct = context.RequestAborted;
        if (mode is ModelServerMode.DropsHalfway or ModelServerMode.StallsHalfway)
        {
            var half = (int)((Content.Length - start) / 2);
            await context.Response.Body.WriteAsync(Content.AsMemory((int)start, half), ct);
            await context.Response.Body.FlushAsync(ct);
            if (mode == ModelServerMode.DropsHalfway)
            {
                await Task.Delay(500, ct); // let the client read the bytes before the connection goes
                context.Abort();
                return;
            }

            await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        await context.Response.Body.WriteAsync(Content.AsMemory((int)start), ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
