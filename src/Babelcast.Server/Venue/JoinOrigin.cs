namespace Babelcast.Server.Venue;

/// <summary>
/// A base for join links: scheme, host, port and any path base, without a trailing slash; the join link is
/// <c>{Origin}/join/{sessionId}</c>. <paramref name="Kind"/> says where it comes from.
/// </summary>
public sealed record JoinOrigin(string Origin, string Kind)
{
    /// <summary><c>Babelcast:PublicBaseUrl</c>.</summary>
    public const string Configured = "configured";

    /// <summary>The host the request was sent to (not loopback, and one of ours).</summary>
    public const string Request = "request";

    /// <summary>A detected LAN address with the request's scheme and port.</summary>
    public const string Lan = "lan";

    /// <summary>No LAN address was detected: the request's loopback host, or the address the request arrived on.</summary>
    public const string Local = "local";
}
