using System.Globalization;

namespace Babelcast.Server.Models;

/// <summary>
/// The progress line of a download on stderr: percent (when the length is known), MiB and speed. On a terminal one
/// line redrawn in place a few times a second; otherwise (a log, a pipe) a line at each tenth, so that a journal
/// is not flooded.
/// </summary>
internal sealed class DownloadProgress
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);
    private const long UnknownLengthStep = 64L * 1024 * 1024;

    private readonly TextWriter _writer;
    private readonly bool _terminal;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly long? _total;
    private readonly long _startedAt;
    private long _received;
    private long _lastDrawnAt;
    private long _lastStep;
    private int _lastWidth;

    // start: bytes already on disk (a resumed download); they count for the percentage, not for the speed.
    public DownloadProgress(TextWriter writer, bool terminal, TimeProvider time, long start, long? total)
    {
        _writer = writer;
        _terminal = terminal;
        _time = time;
        _start = start;
        _total = total;
        _startedAt = time.GetTimestamp();
        _lastDrawnAt = _startedAt;
        _lastStep = Step(start);
    }

    public void Advance(int bytes)
    {
        _received += bytes;
        if (_terminal)
        {
            if (_time.GetElapsedTime(_lastDrawnAt) >= RedrawInterval)
            {
                _lastDrawnAt = _time.GetTimestamp();
                Redraw();
            }

            return;
        }

        var step = Step(_start + _received);
        if (step > _lastStep)
        {
            _lastStep = step;
            _writer.WriteLine(Line());
        }
    }

    /// <summary>Ends the progress display (the last state stays visible).</summary>
    public void Finish()
    {
        if (_terminal)
        {
            Redraw();
            _writer.WriteLine();
        }
        else if (_received > 0 && !IsComplete)
        {
            _writer.WriteLine(Line()); // where an interrupted download (or one of unknown length) stopped
        }

        _writer.Flush();
    }

    private bool IsComplete => _total is { } total && _start + _received >= total;

    private long Step(long position) =>
        _total is > 0 and var total ? position * 10 / total : position / UnknownLengthStep;

    private void Redraw()
    {
        var line = Line();
        _writer.Write("\r" + line.PadRight(_lastWidth));
        _lastWidth = line.Length;
        _writer.Flush();
    }

    private string Line()
    {
        var position = _start + _received;
        var seconds = _time.GetElapsedTime(_startedAt).TotalSeconds;
        var speed = seconds > 0 ? ModelFiles.Mebibytes((long)(_received / seconds)) + "/s" : "-";
        var culture = CultureInfo.InvariantCulture;
        return _total is > 0 and var total
            ? string.Format(culture, "{0,3}% {1} of {2} {3}", position * 100 / total, ModelFiles.Mebibytes(position), ModelFiles.Mebibytes(total), speed)
            : string.Format(culture, "{0} {1}", ModelFiles.Mebibytes(position), speed);
    }
}
