using System.Net;

namespace Babelcast.Server.Tests.Fuzz;

/// <summary>One bad HTTP request and the documented answer: the status and the problem <c>code</c>.</summary>
public sealed record HttpCase(
    string Name,
    HttpMethod Method,
    string Path,
    HttpStatusCode Status,
    string Code,
    string? Token = null,
    byte[]? Body = null,
    string? ContentType = "application/json")
{
    public override string ToString() => $"{Method} {Path} [{Name}]";
}
