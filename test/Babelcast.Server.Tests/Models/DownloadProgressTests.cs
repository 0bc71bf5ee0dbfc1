using Babelcast.Server.Models;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Server.Tests.Models;

public sealed class DownloadProgressTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Advance_NotATerminal_OneLinePerTenthAndNothingMoreAtTheEnd()
    {
        using var writer = new StringWriter();
        var time = new FakeTimeProvider();
        var progress = new DownloadProgress(writer, terminal: false, time, start: 0, total: 10 * MiB);
        for (var i = 0; i < 40; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            progress.Advance((int)(MiB / 4));
        }

        progress.Finish();

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        Assert.Equal(" 10% 1.0 MiB of 10.0 MiB 2.5 MiB/s", lines[0]);
        Assert.StartsWith("100% 10.0 MiB of 10.0 MiB", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain('\r', writer.ToString());
    }

    [Fact]
    public void Advance_Resumed_CountsKeptBytesInPercentNotInSpeed()
    {
        using var writer = new StringWriter();
        var time = new FakeTimeProvider();
        var progress = new DownloadProgress(writer, terminal: false, time, start: 5 * MiB, total: 10 * MiB);
        time.Advance(TimeSpan.FromSeconds(1));
        progress.Advance((int)MiB);

        Assert.Equal(" 60% 6.0 MiB of 10.0 MiB 1.0 MiB/s" + Environment.NewLine, writer.ToString());
    }

    [Fact]
    public void Advance_Terminal_RedrawsOneLineInPlaceAtMostEveryQuarterSecond()
    {
        using var writer = new StringWriter();
        var time = new FakeTimeProvider();
        var progress = new DownloadProgress(writer, terminal: true, time, start: 0, total: 4 * MiB);
        for (var i = 0; i < 10; i++)
        {
            progress.Advance(1024);
        }

        Assert.Equal("", writer.ToString()); // no time has passed: nothing drawn yet

        time.Advance(TimeSpan.FromMilliseconds(250));
        progress.Advance((int)MiB);
        time.Advance(TimeSpan.FromMilliseconds(100));
        progress.Advance((int)MiB); // too soon after the last redraw
        progress.Finish();

        var output = writer.ToString();
        Assert.Equal(2, output.Count(c => c == '\r'));
        Assert.StartsWith("\r 25% ", output, StringComparison.Ordinal);
        Assert.Contains("\r 50% 2.0 MiB of 4.0 MiB", output, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Single(output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Finish_UnknownLengthNotATerminal_ReportsWhereItStopped()
    {
        using var writer = new StringWriter();
        var time = new FakeTimeProvider();
        var progress = new DownloadProgress(writer, terminal: false, time, start: 0, total: null);
        time.Advance(TimeSpan.FromSeconds(2));
        progress.Advance((int)(3 * MiB));
        progress.Finish();

        Assert.Equal("3.0 MiB 1.5 MiB/s" + Environment.NewLine, writer.ToString());
    }
}
