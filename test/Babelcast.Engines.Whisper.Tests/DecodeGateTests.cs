namespace Babelcast.Engines.Whisper.Tests;

public sealed class DecodeGateTests
{
    [Fact]
    public async Task TryEnterPartial_AllSlotsBusy_False()
    {
        using var gate = new DecodeGate(1);
        using (await gate.EnterFinalAsync(CancellationToken.None))
        {
            Assert.False(gate.TryEnterPartial());
        }

        Assert.True(gate.TryEnterPartial());
        gate.ReleasePartial();
        Assert.Equal(1, gate.Free);
    }

    [Fact]
    public async Task TryEnterPartial_FinalWaiting_FalseAndFinalGetsSlot()
    {
        using var gate = new DecodeGate(1);
        Assert.True(gate.TryEnterPartial());
        var final = gate.EnterFinalAsync(CancellationToken.None).AsTask();
        Assert.False(final.IsCompleted);
        gate.ReleasePartial();
        Assert.False(gate.TryEnterPartial()); // The freed slot is the waiting final's.
        using (await final.WaitAsync(TimeSpan.FromSeconds(5)))
        {
            Assert.Equal(0, gate.Free);
        }

        Assert.Equal(1, gate.Free);
    }

    [Fact]
    public async Task EnterFinalAsync_TwoSlots_TwoAtOnce()
    {
        using var gate = new DecodeGate(2);
        using var a = await gate.EnterFinalAsync(CancellationToken.None);
        using var b = await gate.EnterFinalAsync(CancellationToken.None);
        var third = gate.EnterFinalAsync(CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        a.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
