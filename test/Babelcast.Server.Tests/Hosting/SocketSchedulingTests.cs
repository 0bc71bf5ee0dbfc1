using Babelcast.Server.Hosting;
using Babelcast.Server.WebSockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Tests.Hosting;

public sealed class SocketSchedulingTests
{
    [Fact]
    public void AddBabelcastSocketScheduling_NothingConfigured_KestrelSendsInline()
    {
        using var services = Build([]);

        Assert.True(services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }

    [Fact]
    public void AddBabelcastSocketScheduling_TurnedOff_KestrelKeepsItsIoQueues()
    {
        using var services = Build(new() { [$"{LiveOptions.Section}:InlineSocketScheduling"] = "false" });

        Assert.False(services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }

    [Fact]
    public async Task Server_Started_ItsKestrelTransportSendsInline()
    {
        await using var server = await Babelcast.Testing.Host.BabelcastTestServer.StartAsync();

        Assert.True(server.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section);
        services.AddBabelcastSocketScheduling();
        return services.BuildServiceProvider();
    }
}
