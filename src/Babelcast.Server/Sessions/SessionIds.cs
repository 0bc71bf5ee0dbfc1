using System.Text.RegularExpressions;

namespace Babelcast.Server.Sessions;

/// <summary>The session id format <c>adjective-noun-NNN</c>.</summary>
public static partial class SessionIds
{
    public const int MaxLength = 64;

    /// <summary>True if <paramref name="id"/> is exactly <c>[a-z]+-[a-z]+-[0-9]{3}</c>, with nothing after it.</summary>
    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(id);

    // \z, not $: in .NET $ also matches before a final newline, which would let "happy-otter-123\n" through.
    [GeneratedRegex(@"^[a-z]+-[a-z]+-[0-9]{3}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
