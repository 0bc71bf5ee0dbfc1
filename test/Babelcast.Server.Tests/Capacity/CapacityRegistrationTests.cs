using Babelcast.Core.Capacity;
using Babelcast.Engines.PocketSphinx;
using Babelcast.Server.Capacity;
using Babelcast.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Tests.Capacity;

public sealed class CapacityRegistrationTests
{
    [Fact]
    public void AddBabelcastCapacity_NothingConfigured_ReducedFinalPassIsTheServersFastSet()
    {
        using var services = Build([]);

        Assert.Equal(EngineServiceCollectionExtensions.ReducedFinalPass, services.GetRequiredService<IOptions<PocketSphinxOptions>>().Value.ReducedFinalArguments);
        Assert.IsType<LoadShedder>(services.GetRequiredService<ILoadShedding>());
    }

    [Fact]
    public void AddBabelcastCapacity_ReducedFinalArgumentsConfigured_ConfigurationWins()
    {
        using var services = Build(new() { ["Babelcast:Recognition:PocketSphinx:ReducedFinalArguments"] = "-maxwpf 5" });

        Assert.Equal("-maxwpf 5", services.GetRequiredService<IOptions<PocketSphinxOptions>>().Value.ReducedFinalArguments);
    }

    [Theory]
    [InlineData("Babelcast:Capacity:MaxSpeakingSessions", "-1")]
    [InlineData("Babelcast:Capacity:SpeakingSessionsPerCore", "0")]
    [InlineData("Babelcast:Capacity:Shedding:MaxLevel", "4")]
    [InlineData("Babelcast:Capacity:Shedding:RaiseAfterWindows", "0")]
    [InlineData("Babelcast:Capacity:Shedding:RecoverAfterMs", "500")]
    [InlineData("Babelcast:Capacity:Scheduling:Concurrency", "-1")]
    [InlineData("Babelcast:Capacity:Scheduling:MaxStreamingWaitMs", "0")]
    [InlineData("Babelcast:Capacity:Scheduling:MaxFinalWaitMs", "5")]
    public void AddBabelcastCapacity_InvalidSetting_FailsValidation(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<CapacityOptions>>().Value;
            _ = services.GetRequiredService<IOptions<LoadSheddingOptions>>().Value;
            _ = services.GetRequiredService<IOptions<WorkSchedulerOptions>>().Value;
        });
    }

    [Fact]
    public void AddBabelcastCapacity_ReservationLeavesStreamingNoSlot_FailsValidation()
    {
        using var services = Build(new() { ["Babelcast:Capacity:Scheduling:Concurrency"] = "2", ["Babelcast:Capacity:Scheduling:ReservedForFinal"] = "2" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WorkSchedulerOptions>>().Value);
        Assert.Contains("ReservedForFinal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBabelcastCapacity_NothingConfigured_SchedulerHasOneSlotPerCoreAllOpenToStreaming()
    {
        using var services = Build([]);

        var scheduler = services.GetRequiredService<WorkScheduler>();
        Assert.True(scheduler.Enabled);
        Assert.Equal(Environment.ProcessorCount, scheduler.Concurrency);
        Assert.Equal(Environment.ProcessorCount, scheduler.StreamingSlots);
    }

    [Fact]
    public void AddBabelcastCapacity_SchedulingConfigured_ConfigurationWins()
    {
        using var services = Build(new() { ["Babelcast:Capacity:Scheduling:Concurrency"] = "4", ["Babelcast:Capacity:Scheduling:ReservedForFinal"] = "2" });

        var scheduler = services.GetRequiredService<WorkScheduler>();
        Assert.Equal(4, scheduler.Concurrency);
        Assert.Equal(2, scheduler.StreamingSlots);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddMetrics().AddSingleton(TimeProvider.System);
        services.AddOptions<PocketSphinxOptions>().BindConfiguration(PocketSphinxOptions.SectionName);
        services.AddSingleton<Babelcast.Core.Diagnostics.BabelcastMetrics>();
        services.AddBabelcastCapacity();
        return services.BuildServiceProvider();
    }
}
