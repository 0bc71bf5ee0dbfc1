using System.Globalization;
using System.Text.RegularExpressions;
using Babelcast.Core.Protocol;
using Babelcast.Testing;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Faults;

/// <summary>
/// espeak-ng fails for real: the server runs the "espeak-cli" strategy through a wrapper that starts the real
/// espeak-ng, and while the fault is on, starts it with a data directory that lacks espeak-ng's data (it then fails
/// to load its phoneme tables and produces no audio).
/// </summary>
[Collection("real-engines")]
public sealed class SynthesisFaultTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "babelcast-espeak-fault-" + Guid.NewGuid().ToString("N")[..12]);

    public SynthesisFaultTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "broken", "espeak-ng-data"));
        File.WriteAllText(Wrapper, $"""
            #!/bin/sh
            if [ -e "{FaultFile}" ]; then exec espeak-ng --path="{Path.Combine(_directory, "broken")}" "$@"; fi
            exec espeak-ng "$@"

            """);
        // The wrapper is a shell script: this test runs on Unix only, like the engines it drives.
        Assert.False(OperatingSystem.IsWindows());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string Wrapper => Path.Combine(_directory, "espeak-ng-wrapper");

    private string FaultFile => Path.Combine(_directory, "fault-on");

    private static short[] Clip(string name) => Wav.Read16kMono(TestData.SpeechFile(name)).Concat(new short[12000]).ToArray();

    [Fact]
    public async Task Session_ESpeakFailsThenRecovers_CaptionsArriveWithoutAudioSpeakerIsToldAndAudioReturns()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Engines:Synthesis"] = "espeak-cli",
            ["Babelcast:Synthesis:ESpeak:CliPath"] = Wrapper,
        });
        var token = await server.GetTokenAsync();
        var id = await server.CreateSessionAsync(token);
        await using var speaker = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}"));
        await speaker.WaitForTypeAsync("connected", Wait);
        await using var es = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/listen?sessionId={id}&targetLanguage=es"));
        await es.WaitForTypeAsync("sessionJoined", Wait);
        await speaker.StreamAudioAsync(Clip("goforward.wav"), realTime: false);
        var healthy = await es.WaitForAsync(m => m.Type == "audioData", Wait);

        await File.WriteAllTextAsync(FaultFile, "on");
        await speaker.StreamAudioAsync(Clip("jfk.wav"), realTime: false);
        var error = await speaker.WaitForAsync(m => m.Type == "error", Wait);
        Assert.Equal(ErrorCodes.PipelineLanguageFailed, error.Text("code"));
        var named = Regex.Match(error.Text("message"), @"^Phrase (\d+) in es: synthesis failed");
        Assert.True(named.Success, error.Text("message"));
        var failed = long.Parse(named.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(failed > healthy.Seq);

        // The caption is sent before synthesis: it is here, with text.
        var caption = await es.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == failed, Wait);
        Assert.False(string.IsNullOrWhiteSpace(caption.Text()));

        File.Delete(FaultFile);
        await speaker.StreamAudioAsync(Clip("example2.wav"), realTime: false);
        var recovered = await es.WaitForAsync(m => m.Type == "audioData" && m.Seq > failed, Wait);
        Assert.True(recovered.Binary is { Length: > 0 });

        // Messages reach a listener in order, so by now every caption up to the recovered phrase is here, and so is
        // each one's audio unless its synthesis failed, which the speaker was told about, phrase by phrase.
        var errors = speaker.OfType("error").Where(e => e.Text("code") == ErrorCodes.PipelineLanguageFailed).Select(e => e.Text("message")).ToList();
        var audio = es.OfType("audio").Select(a => a.Seq).ToHashSet();
        Assert.DoesNotContain(failed, audio);
        foreach (var final in es.OfType("caption").Where(c => c.Final && c.Seq < recovered.Seq))
        {
            Assert.True(
                audio.Contains(final.Seq) || errors.Any(e => e.StartsWith($"Phrase {final.Seq} in es: synthesis failed", StringComparison.Ordinal)),
                $"phrase {final.Seq} has neither audio nor an error");
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
