using Babelcast.Core.Audio;
using Babelcast.Core.Capacity;
using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.Whisper;

/// <summary>What every session's <see cref="WhisperRecognizer"/> shares: the decoder, the node-wide gate, settings and clock.</summary>
internal sealed class WhisperEngine(
    IWhisperDecoder decoder, DecodeGate gate, WhisperOptions options, VoiceActivityOptions voiceActivity, ILogger logger, TimeProvider time, ILoadShedding? shedding)
{
    public IWhisperDecoder Decoder { get; } = decoder;

    public DecodeGate Gate { get; } = gate;

    public WhisperOptions Options { get; } = options;

    public VoiceActivityOptions VoiceActivity { get; } = voiceActivity;

    public ILogger Logger { get; } = logger;

    public TimeProvider Time { get; } = time;

    public ILoadShedding? Shedding { get; } = shedding;
}
