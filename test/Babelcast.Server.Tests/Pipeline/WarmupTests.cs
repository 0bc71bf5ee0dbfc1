using Babelcast.Core.Recognition;
using Babelcast.Engines.PocketSphinx;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Server.WebSockets;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Pipeline;

/// <summary>
/// What a fresh session finds ready before its speaker's first phrase ends: a decoder in the recogniser's warm pool,
/// and for each listener language its translation, voice and encoder (issue 11: the first phrase within a second).
/// </summary>
[Collection("real-engines")]
public sealed class WarmupTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120); // decoders take seconds to load on a loaded machine

    [Fact]
    public async Task CreateSessionAndJoin_RealEngines_DecoderReadyAndListenerLanguagesWarm()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string?>());
        var server = own.Server;
        var recognizer = server.Services.GetServices<ISpeechRecognizerFactory>().OfType<PocketSphinxRecognizerFactory>().Single();
        var warmup = server.Services.GetRequiredService<TranslationWarmup>();
        var token = await server.GetTokenAsync();

        var id = await server.CreateSessionAsync(token);
        await using var speaker = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}"));
        await speaker.WaitForTypeAsync("connected", TimeSpan.FromSeconds(30));
        Assert.False(warmup.IsWarm("en", "fr"));
        await using var es = await JoinAsync(server, id, "es");
        await using var fr = await JoinAsync(server, id, "fr");

        var ready = await UntilAsync(() => recognizer.ReadyDecoders >= 1 && warmup.IsWarm("en", "es") && warmup.IsWarm("en", "fr"));
        Assert.True(ready, $"ready decoders {recognizer.ReadyDecoders}, es warm {warmup.IsWarm("en", "es")}, fr warm {warmup.IsWarm("en", "fr")}");
        Assert.False(warmup.IsWarm("en", "pt"));
    }

    private static async Task<bool> UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return condition();
    }

    private static async Task<ProtocolClient> JoinAsync(BabelcastTestServer server, string id, string language)
    {
        var listener = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/listen?sessionId={id}&targetLanguage={language}"));
        await listener.WaitForTypeAsync("sessionJoined", TimeSpan.FromSeconds(30));
        return listener;
    }
}
