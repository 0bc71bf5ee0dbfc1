using Babelcast.Server.Https;
using Microsoft.Extensions.Configuration;

namespace Babelcast.Server.Tests.Https;

/// <summary>The urls re-declared with HTTPS on are the ones the web host would have used.</summary>
public sealed class ConfiguredUrlsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", null, "http://127.0.0.1:5080")]
    [InlineData(" http://127.0.0.1:5080 ; http://[::1]:5080 ", null, "http://127.0.0.1:5080|http://[::1]:5080")]
    [InlineData(null, "8080", "http://*:8080")]
    [InlineData("http://127.0.0.1:5080", "8080", "http://127.0.0.1:5080")]
    [InlineData(null, null, "http://localhost:5000")]
    public void Read_UrlsThenPortsThenKestrelDefault(string? urls, string? httpPorts, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = urls,
            ["http_ports"] = httpPorts,
        }).Build();

        Assert.Equal(expected.Split('|'), ConfiguredUrls.Read(configuration));
    }
}
