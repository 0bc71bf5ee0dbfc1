using Babelcast.Core.Pipeline;
using Babelcast.Engines.Whisper;
using Babelcast.Testing;
using Babelcast.Testing.Host;
using Babelcast.Testing.Whisper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Tests.Recognition;

/// <summary>
/// The real server with Babelcast:Engines:Recognition=whisper on a generated tiny ggml model (nonsense words, real
/// whisper.cpp): it starts, decodes speech that arrives on /ws/speak, and says nothing for silence. A truncated model
/// stops the start with a message naming the file.
/// </summary>
[Collection("real-engines")]
public sealed class WhisperServerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "babelcast-whisper-server-" + Guid.NewGuid().ToString("N"));
    private readonly string _model;

    public WhisperServerTests()
    {
        Directory.CreateDirectory(_directory);
        _model = Path.Combine(_directory, "ggml-generated.bin");
        TinyWhisperModel.Write(_model);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Dictionary<string, string?> Settings(string model) => new()
    {
        ["Babelcast:Engines:Recognition"] = "whisper",
        ["Babelcast:Recognition:Whisper:ModelPath"] = model,
        ["Babelcast:Recognition:Whisper:PartialIntervalMs"] = "500",
    };

    [Fact]
    public async Task Speak_WhisperWithGeneratedModel_SpeechDecodedSilenceSilent()
    {
        await using var server = await BabelcastTestServer.StartAsync(Settings(_model));
        var recognizer = server.Services.GetRequiredService<EngineSet>().Recognizer;
        Assert.Equal("whisper", recognizer.Name);
        Assert.Contains(recognizer.SupportedLanguages, l => l.Code == "en");

        var token = await server.GetTokenAsync();
        var id = await server.CreateSessionAsync(token);
        await using var speaker = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}"));
        await speaker.WaitForTypeAsync("connected", TimeSpan.FromSeconds(10));

        // Silence first (digital, then a faint hiss): no transcript of any kind may come of it.
        var noise = new Random(5);
        short[] quiet = [.. new short[16_000 * 3], .. Enumerable.Range(0, 16_000 * 3).Select(_ => (short)noise.Next(-40, 41))];
        await speaker.StreamAudioAsync(quiet, frameMs: 100, speed: 4);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(speaker.OfType("transcript"));

        // Then speech: the phrase is decoded by whisper.cpp and its final transcript arrives (words of the
        // generated vocabulary: "w123"), whatever the partials did.
        await speaker.StreamAudioAsync([.. Wav.Read16kMono(TestData.SpeechFile("jfk.wav")), .. new short[16_000 * 2]], frameMs: 100, speed: 2);
        var final = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final, TimeSpan.FromMinutes(2));
        Assert.Matches(@"w\d+", final.Text());
    }

    [Fact]
    public async Task Start_TruncatedWhisperModel_FailsNamingFile()
    {
        var truncated = Path.Combine(_directory, "ggml-truncated.bin");
        var bytes = await File.ReadAllBytesAsync(_model);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 3)]);
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => BabelcastTestServer.StartAsync(Settings(truncated)));
        Assert.Contains(truncated, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public async Task Start_TruncatedModelNotRequired_StartsWithWhisperUnavailable()
    {
        var truncated = Path.Combine(_directory, "ggml-truncated-optional.bin");
        var bytes = await File.ReadAllBytesAsync(_model);
        await File.WriteAllBytesAsync(truncated, bytes[..1000]);
        var settings = Settings(truncated);
        settings["Babelcast:Engines:Recognition"] = "pocketsphinx";
        settings["Babelcast:Recognition:Whisper:RequireModel"] = "false";
        await using var server = await BabelcastTestServer.StartAsync(settings);
        var whisper = server.Services.GetServices<Core.Recognition.ISpeechRecognizerFactory>().OfType<WhisperRecognizerFactory>().Single();
        Assert.Empty(whisper.SupportedLanguages);
        Assert.Contains(truncated, whisper.UnavailableReason);
    }
}
