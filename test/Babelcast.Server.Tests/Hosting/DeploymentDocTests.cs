using Babelcast.Testing;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>
/// docs/deployment.md shows the proxy configurations in full; each copy must be the file in deploy/ that the tests
/// run, so that what an operator pastes is what was tested.
/// </summary>
public sealed class DeploymentDocTests
{
    [Theory]
    [InlineData("deploy/nginx/babelcast.conf")]
    [InlineData("deploy/caddy/Caddyfile")]
    public void DeploymentGuide_ProxyConfig_IsTheFileInDeploy(string file)
    {
        var guide = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "deployment.md")).ReplaceLineEndings("\n");
        var expected = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, file)).ReplaceLineEndings("\n");

        var marker = guide.IndexOf($"<!-- {file} ", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"docs/deployment.md has no copy of {file}");
        var open = guide.IndexOf("```", marker, StringComparison.Ordinal);
        var start = guide.IndexOf('\n', open) + 1;
        var end = guide.IndexOf("\n```", start, StringComparison.Ordinal) + 1;

        Assert.Equal(expected, guide[start..end]);
    }
}
