using System.Runtime.InteropServices;

namespace Babelcast.Engines.ESpeak.Native;

/// <summary>The subset of speak_lib.h we use (espeak-ng 1.51, Debian libespeak-ng1).</summary>
internal static unsafe partial class ESpeakNative
{
    private const string Library = "libespeak-ng.so.1";

    /// <summary>The callback runs on the caller's thread inside espeak_Synth.</summary>
    public const int AudioOutputSynchronous = 2;

    /// <summary>espeakINITIALIZE_DONT_EXIT: return an error instead of exiting the process when data is missing.</summary>
    public const int InitializeDontExit = 0x8000;

    public const int PositionCharacter = 1;
    public const uint CharsUtf8 = 1;
    public const uint EndPause = 0x1000;

    public const int ParameterRate = 1;
    public const int ParameterVolume = 2;

    public const int Ok = 0;

    [LibraryImport(Library, EntryPoint = "espeak_Initialize", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Initialize(int output, int bufferMs, string? path, int options);

    [LibraryImport(Library, EntryPoint = "espeak_SetSynthCallback")]
    public static partial void SetSynthCallback(delegate* unmanaged<short*, int, IntPtr, int> callback);

    [LibraryImport(Library, EntryPoint = "espeak_SetVoiceByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetVoiceByName(string name);

    [LibraryImport(Library, EntryPoint = "espeak_SetVoiceByProperties")]
    public static partial int SetVoiceByProperties(VoiceSpec* spec);

    [LibraryImport(Library, EntryPoint = "espeak_GetCurrentVoice")]
    public static partial VoiceSpec* GetCurrentVoice();

    [LibraryImport(Library, EntryPoint = "espeak_SetParameter")]
    public static partial int SetParameter(int parameter, int value, int relative);

    [LibraryImport(Library, EntryPoint = "espeak_Synth")]
    public static partial int Synth(
        byte* text, nuint size, uint position, int positionType, uint endPosition, uint flags, uint* uniqueIdentifier, IntPtr userData);

    /// <summary>
    /// espeak_VOICE. For a lookup only <see cref="Languages"/> is set (a UTF-8 tag); in a voice it is a list of
    /// (priority byte, UTF-8 tag, NUL) entries ending with a zero byte.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct VoiceSpec
    {
        public byte* Name;
        public byte* Languages;
        public byte* Identifier;
        public byte Gender;
        public byte Age;
        public byte Variant;
        public byte Reserved;
        public int Score;
        public IntPtr Spare;
    }
}
