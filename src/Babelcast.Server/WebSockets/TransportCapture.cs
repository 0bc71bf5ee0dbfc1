using Microsoft.AspNetCore.Http.Features;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// Stands in for the request's upgrade features (HTTP/1.1 upgrade, HTTP/2 extended CONNECT) so that the WebSocket the
/// framework accepts runs over a <see cref="WebSocketTransport"/>, which the endpoint then finds through
/// <see cref="Of"/>. The framework's WebSocket middleware reads these features when the request reaches it, so this
/// is installed in front of it (<see cref="WebSocketTransportStartupFilter"/>).
/// </summary>
internal sealed class TransportCapture : IHttpUpgradeFeature, IHttpExtendedConnectFeature
{
    private readonly IHttpUpgradeFeature? _upgrade;
    private readonly IHttpExtendedConnectFeature? _connect;

    private TransportCapture(IHttpUpgradeFeature? upgrade, IHttpExtendedConnectFeature? connect)
    {
        _upgrade = upgrade;
        _connect = connect;
    }

    /// <summary>The accepted connection's transport; null until then.</summary>
    public WebSocketTransport? Transport { get; private set; }

    public bool IsUpgradableRequest => _upgrade?.IsUpgradableRequest ?? false;

    public bool IsExtendedConnect => _connect?.IsExtendedConnect ?? false;

    public string? Protocol => _connect?.Protocol;

    /// <summary>Takes the place of the upgrade features of a request that may become a WebSocket; others are left alone.</summary>
    public static void Install(IFeatureCollection features)
    {
        var upgrade = features.Get<IHttpUpgradeFeature>();
        var connect = features.Get<IHttpExtendedConnectFeature>();
        if (upgrade is not { IsUpgradableRequest: true } && connect is not { IsExtendedConnect: true })
        {
            return;
        }

        var capture = new TransportCapture(upgrade, connect);
        if (upgrade is not null)
        {
            features.Set<IHttpUpgradeFeature>(capture);
        }

        if (connect is not null)
        {
            features.Set<IHttpExtendedConnectFeature>(capture);
        }

        features.Set(capture);
    }

    /// <summary>The transport under the request's accepted WebSocket, if it was accepted through a capture.</summary>
    public static WebSocketTransport? Of(HttpContext context) => context.Features.Get<TransportCapture>()?.Transport;

    public async Task<Stream> UpgradeAsync()
    {
        var upgrade = _upgrade ?? throw new InvalidOperationException("The request cannot be upgraded.");
        return Transport = new WebSocketTransport(await upgrade.UpgradeAsync());
    }

    public async ValueTask<Stream> AcceptAsync()
    {
        var connect = _connect ?? throw new InvalidOperationException("The request is not an extended CONNECT.");
        return Transport = new WebSocketTransport(await connect.AcceptAsync());
    }
}
