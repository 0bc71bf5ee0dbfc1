namespace Babelcast.Server.Https;

/// <summary>Settings of the built-in HTTPS listener (section "Babelcast:Https").</summary>
public sealed class HttpsOptions
{
    public const string Section = "Babelcast:Https";
    public const int DefaultPort = 5443;

    /// <summary><c>off</c> (default), <c>self-signed</c> (generated into the data directory) or <c>files</c> (PEM paths).</summary>
    public string Mode { get; set; } = "off";

    /// <summary>The HTTPS port, served next to the HTTP addresses of <c>--urls</c> (0 = a free port, for tests).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>PEM certificate (leaf first, then any intermediates) for <c>files</c> mode.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key (PKCS#8, RSA or EC, unencrypted) for <c>files</c> mode.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The parsed <see cref="Mode"/>; null when it is not one of the known names.</summary>
    public HttpsMode? ParsedMode => Mode?.Trim().ToLowerInvariant() switch
    {
        "" or "off" => HttpsMode.Off,
        "self-signed" or "selfsigned" => HttpsMode.SelfSigned,
        "files" => HttpsMode.Files,
        _ => null,
    };
}
