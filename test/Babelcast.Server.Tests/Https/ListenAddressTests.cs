using Babelcast.Server.Https;
using Microsoft.AspNetCore.Http;

namespace Babelcast.Server.Tests.Https;

/// <summary>The HTTPS port listens where HTTP does: loopback stays loopback, every interface stays every interface.</summary>
public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", "127.0.0.1")]
    [InlineData("http://localhost:5080", "localhost")]
    [InlineData("http://localhost:5080;http://127.0.0.1:5081", "localhost")]
    [InlineData("http://[::1]:5080", "::1")]
    [InlineData("http://0.0.0.0:5080", "*")]
    [InlineData("http://[::]:5080", "*")]
    [InlineData("http://*:5080", "*")]
    [InlineData("http://+:5080", "*")]
    [InlineData("http://babelcast.example:5080", "*")]
    [InlineData("http://127.0.0.1:5080;http://*:5081", "*")]
    [InlineData("http://192.168.1.23:5080;http://127.0.0.1:5080", "192.168.1.23,127.0.0.1")]
    [InlineData("http://unix:/run/babelcast.sock", "localhost")]
    public void HttpsHosts_FollowTheHttpBindings(string urls, string expected)
    {
        var addresses = urls.Split(';').Select(BindingAddress.Parse);

        Assert.Equal(expected.Split(','), ListenAddress.HttpsHosts(addresses));
    }
}
