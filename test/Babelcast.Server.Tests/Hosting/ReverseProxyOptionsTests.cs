using Babelcast.Server.Hosting;
using Babelcast.Testing.Host;
using Microsoft.Extensions.Configuration;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>Proxy addresses are parsed strictly, read in both list forms, and a bad one stops the start naming the key.</summary>
public sealed class ReverseProxyOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("192.168.1.10", true)]
    [InlineData("localhost", false)]
    [InlineData("10", false)]
    [InlineData("10.1", false)]
    [InlineData("300.1.1.1", false)]
    [InlineData("127.0.0.1/32", false)]
    public void Validate_KnownProxy_AcceptsOnlyAnIpAddress(string proxy, bool valid)
    {
        var options = new ReverseProxyOptions();
        options.KnownProxies.Add(proxy);

        var result = new ReverseProxyOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Babelcast:ReverseProxy:KnownProxies", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("172.17.0.0/16", true)]
    [InlineData("fd00::/8", true)]
    [InlineData("127.0.0.1/32", true)]
    [InlineData("10.0.0.1/8", false)]
    [InlineData("10.0.0.0", false)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10/8", false)]
    [InlineData("docker/16", false)]
    public void Validate_KnownNetwork_AcceptsOnlyACidrNetwork(string network, bool valid)
    {
        var options = new ReverseProxyOptions();
        options.KnownNetworks.Add(network);

        var result = new ReverseProxyOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Babelcast:ReverseProxy:KnownNetworks", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bind_CommaSeparatedValueAndList_BothRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Babelcast:ReverseProxy:KnownProxies"] = "127.0.0.1, ::1;10.1.2.3",
            ["Babelcast:ReverseProxy:KnownNetworks:0"] = "10.0.0.0/8",
            ["Babelcast:ReverseProxy:KnownNetworks:1"] = "fd00::/8",
        }).Build();
        var options = new ReverseProxyOptions();

        ReverseProxyOptions.Bind(options, configuration);

        Assert.Equal(["127.0.0.1", "::1", "10.1.2.3"], options.KnownProxies);
        Assert.Equal(["10.0.0.0/8", "fd00::/8"], options.KnownNetworks);
        Assert.True(options.Enabled);
    }

    [Fact]
    public void Bind_NothingConfigured_Disabled()
    {
        var options = new ReverseProxyOptions();

        ReverseProxyOptions.Bind(options, new ConfigurationBuilder().Build());

        Assert.False(options.Enabled);
    }

    [Theory]
    [InlineData("KnownProxies", "nginx")]
    [InlineData("KnownNetworks", "10.0.0.1/8")]
    public async Task Start_BadProxyEntry_FailsNamingTheKey(string key, string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:ReverseProxy:" + key] = value,
        }));

        Assert.Contains($"Babelcast:ReverseProxy:{key}: '{value}'", error.ToString(), StringComparison.Ordinal);
    }
}
