using System.Runtime.InteropServices;
using System.Text;

namespace Babelcast.Engines.ESpeak.Native;

/// <summary>
/// The one espeak-ng instance of the process. espeak-ng keeps a single voice, parameter set and callback
/// globally, so every use goes through <see cref="Gate"/>; the synthesis callback writes into the buffer of
/// the call that holds the gate.
/// </summary>
internal static class ESpeakEngine
{
    /// <summary>EE_NOT_FOUND.</summary>
    private const int NotFound = 2;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static int _sampleRate;
    private static string? _currentVoice;
    private static SynthesisBuffer? _active;

    /// <summary>The engine's output rate; espeak-ng's fixed 22,050 Hz before the first initialisation.</summary>
    public static int SampleRateOrDefault => Volatile.Read(ref _sampleRate) is > 0 and var rate ? rate : 22050;

    /// <summary>Waits for the process-wide gate; dispose the result to release it.</summary>
    public static async ValueTask<Session> EnterAsync(string? dataPath, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            EnsureInitialized(dataPath);
            return new Session(_sampleRate);
        }
        catch
        {
            Gate.Release();
            throw;
        }
    }

    /// <summary>The synchronous twin of <see cref="EnterAsync"/>, for one-off work such as probing voices.</summary>
    public static Session Enter(string? dataPath)
    {
        Gate.Wait();
        try
        {
            EnsureInitialized(dataPath);
            return new Session(_sampleRate);
        }
        catch
        {
            Gate.Release();
            throw;
        }
    }

    private static unsafe void EnsureInitialized(string? dataPath)
    {
        if (_sampleRate > 0)
        {
            return;
        }

        var rate = ESpeakNative.Initialize(ESpeakNative.AudioOutputSynchronous, 0, dataPath, ESpeakNative.InitializeDontExit);
        if (rate <= 0)
        {
            throw new InvalidOperationException($"espeak_Initialize failed ({rate}); is espeak-ng-data installed?");
        }

        ESpeakNative.SetSynthCallback(&OnSynth);
        Volatile.Write(ref _sampleRate, rate);
    }

    [UnmanagedCallersOnly]
    private static unsafe int OnSynth(short* wav, int count, IntPtr events)
    {
        var buffer = _active;
        if (buffer is null)
        {
            return 1;
        }

        if (wav is not null && count > 0)
        {
            buffer.Append(new ReadOnlySpan<short>(wav, count));
        }

        return buffer.CancellationToken.IsCancellationRequested ? 1 : 0;
    }

    /// <summary>Exclusive use of espeak-ng until disposed.</summary>
    public readonly struct Session : IDisposable
    {
        internal Session(int rate) => SampleRate = rate;

        public int SampleRate { get; }

        /// <summary>Selects a voice; returns espeak's error code (0 = found).</summary>
        public int SetVoice(string voice)
        {
            if (voice == _currentVoice)
            {
                return ESpeakNative.Ok;
            }

            // Like the espeak-ng CLI: a voice name or file first, else the best voice for a language tag ("fr-fr").
            var result = ESpeakNative.SetVoiceByName(voice);
            if (result != ESpeakNative.Ok)
            {
                result = SetVoiceByLanguage(voice);
            }

            _currentVoice = result == ESpeakNative.Ok ? voice : null;
            return result;
        }

        /// <summary>Synthesises plain text (no SSML, no phoneme input) with the current voice.</summary>
        public unsafe int Synthesize(string text, int rate, int volume, bool endPause, SynthesisBuffer buffer)
        {
            ESpeakNative.SetParameter(ESpeakNative.ParameterRate, rate, 0);
            ESpeakNative.SetParameter(ESpeakNative.ParameterVolume, volume, 0);
            var bytes = Utf8Z(text);
            var flags = ESpeakNative.CharsUtf8 | (endPause ? ESpeakNative.EndPause : 0);
            _active = buffer;
            try
            {
                fixed (byte* p = bytes)
                {
                    return ESpeakNative.Synth(p, (nuint)bytes.Length, 0, ESpeakNative.PositionCharacter, 0, flags, null, IntPtr.Zero);
                }
            }
            finally
            {
                _active = null;
            }
        }

        public void Dispose() => Gate.Release();

        private static unsafe int SetVoiceByLanguage(string language)
        {
            var tag = Utf8Z(language);
            int result;
            fixed (byte* p = tag)
            {
                var spec = new ESpeakNative.VoiceSpec { Languages = p };
                result = ESpeakNative.SetVoiceByProperties(&spec);
            }

            // espeak falls back to some voice for any tag; accept it only if it really speaks the language.
            var current = ESpeakNative.GetCurrentVoice();
            return result == ESpeakNative.Ok && current is not null && Speaks(current->Languages, language) ? ESpeakNative.Ok : NotFound;
        }

        private static unsafe bool Speaks(byte* languages, string language)
        {
            for (var p = languages; p is not null && *p != 0;)
            {
                var tag = Marshal.PtrToStringUTF8((IntPtr)(p + 1)) ?? string.Empty;
                if (tag.Equals(language, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                p += 1 + Encoding.UTF8.GetByteCount(tag) + 1;
            }

            return false;
        }

        private static byte[] Utf8Z(string text)
        {
            var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
            Encoding.UTF8.GetBytes(text, bytes);
            return bytes;
        }
    }
}
