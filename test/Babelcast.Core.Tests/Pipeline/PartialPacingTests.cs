using Babelcast.Core.Pipeline;

namespace Babelcast.Core.Tests.Pipeline;

public sealed class PartialPacingTests
{
    [Theory]
    [InlineData(250, 3, 16_000, 250)]
    [InlineData(250, 4_000, 16_000, 250)]
    [InlineData(250, 10_000, 16_000, 625)]
    [InlineData(250, 10_000, 0, 250)]
    [InlineData(250, 0, 16_000, 250)]
    [InlineData(1_000, 10_000, 16_000, 1_000)]
    [InlineData(250, 1_000_000, 16_000, PartialPacing.MaxIntervalMs)]
    [InlineData(0, 100_000, 1, PartialPacing.MaxIntervalMs)]
    public void IntervalMs_StretchesWithTheAudienceOnly(int configured, int audience, int perSecond, int expected) =>
        Assert.Equal(expected, PartialPacing.IntervalMs(configured, audience, perSecond));
}
