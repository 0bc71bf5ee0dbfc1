using System.Buffers.Binary;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// A speaker connection's binary framing. Raw (the default): each frame is PCM. Numbered (<c>framing=seq</c>): each
/// frame is the client's 8-byte little-endian sequence number (1, 2, ... per session, across reconnects) then the PCM,
/// so that a client resends after a reconnect what the session does not have and nothing is appended twice. Tracks the
/// highest number this connection has seen, starting from the session's last accepted one.
/// </summary>
internal sealed class SpeakerFraming
{
    public const string QueryParameter = "framing";
    public const string NumberedName = "seq";
    public const int HeaderBytes = 8;

    private SpeakerFraming(bool numbered) => IsNumbered = numbered;

    public bool IsNumbered { get; }

    /// <summary>The highest sequence number seen on this connection, or the session's last accepted one at connect.</summary>
    public long LastSeq { get; private set; }

    public string Rule => IsNumbered
        ? "Audio frames are an 8-byte little-endian sequence number (1 or more) then 16-bit PCM: a non-empty, even number of bytes."
        : "Audio frames are 16-bit PCM: a non-empty, even number of bytes.";

    /// <summary>The framing a query value asks for; null for a value this server does not know.</summary>
    public static SpeakerFraming? For(string? value) => value switch
    {
        null or "" or "raw" => new SpeakerFraming(false),
        NumberedName => new SpeakerFraming(true),
        _ => null,
    };

    /// <summary>Starts numbering from what the session has already accepted.</summary>
    public void Resume(long lastAccepted) => LastSeq = Math.Max(LastSeq, lastAccepted);

    /// <summary>Splits a frame into its number (0 when raw) and its PCM; false when it is malformed.</summary>
    public bool TryRead(ReadOnlyMemory<byte> payload, out long seq, out ReadOnlyMemory<byte> pcm)
    {
        seq = 0;
        pcm = payload;
        if (IsNumbered)
        {
            if (payload.Length < HeaderBytes)
            {
                return false;
            }

            var number = BinaryPrimitives.ReadUInt64LittleEndian(payload.Span);
            if (number is 0 or > long.MaxValue)
            {
                return false;
            }

            seq = (long)number;
            pcm = payload[HeaderBytes..];
        }

        return pcm.Length > 0 && pcm.Length % 2 == 0;
    }

    /// <summary>
    /// Records a numbered frame: false for one at or below the last seen (a resend of what the session has); otherwise
    /// how many numbers were skipped (frames the client lost, which nobody can recover).
    /// </summary>
    public bool TryAdvance(long seq, out long skipped)
    {
        skipped = 0;
        if (seq == 0)
        {
            return true;
        }

        if (seq <= LastSeq)
        {
            return false;
        }

        skipped = seq - LastSeq - 1;
        LastSeq = seq;
        return true;
    }
}
