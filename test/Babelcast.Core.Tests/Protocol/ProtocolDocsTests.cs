using System.Text.RegularExpressions;
using Babelcast.Testing;

namespace Babelcast.Core.Tests.Protocol;

/// <summary>docs/protocol.md documents every code and message type of the catalogue, and no code that is not in it.</summary>
public sealed partial class ProtocolDocsTests
{
    private static readonly List<string> CodeSpans = CodeSpan()
        .Matches(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "protocol.md")))
        .Select(m => m.Groups[1].Value)
        .ToList();

    [Fact]
    public void ProtocolDoc_EveryErrorCode_Documented()
    {
        Assert.NotEmpty(Catalogue.ErrorCodeValues);
        var missing = Catalogue.ErrorCodeValues.Where(code => !CodeSpans.Any(s => Regex.IsMatch(s, $"(?<![A-Z_]){code}(?![A-Z_])"))).ToList();

        Assert.True(missing.Count == 0, "docs/protocol.md does not mention these error codes: " + string.Join(", ", missing));
    }

    [Fact]
    public void ProtocolDoc_EveryMessageType_Documented()
    {
        Assert.NotEmpty(Catalogue.MessageTypeValues);

        // A message is documented as `name {fields}`, `name`, or `{type:"name", ...}`.
        var missing = Catalogue.MessageTypeValues
            .Where(type => !CodeSpans.Any(s => Regex.IsMatch(s, $"^{type}(?:$|[ {{])") || s.Contains($"type:\"{type}\"", StringComparison.Ordinal)))
            .ToList();

        Assert.True(missing.Count == 0, "docs/protocol.md does not document these message types: " + string.Join(", ", missing));
    }

    [Fact]
    public void ProtocolDoc_DocumentedCodes_AllInTheCatalogue()
    {
        var documented = CodeSpans.SelectMany(s => DocumentedCode().Matches(s)).Select(m => m.Value).ToHashSet();
        Assert.Contains("SESSION_NOT_FOUND", documented);

        var unknown = documented.Except(Catalogue.ErrorCodeValues).ToList();
        Assert.True(unknown.Count == 0, "docs/protocol.md names codes the server never uses: " + string.Join(", ", unknown));
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    // Multi-word codes (SCREAMING_SNAKE_CASE); a lone upper-case word may be an HTTP method or a header.
    [GeneratedRegex("(?<![A-Za-z0-9_])[A-Z]+(?:_[A-Z]+)+(?![A-Za-z0-9_])")]
    private static partial Regex DocumentedCode();
}
