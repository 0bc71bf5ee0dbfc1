namespace Babelcast.Server.Tests.WebSockets;

[CollectionDefinition(Name)]
public sealed class WebSocketServerCollection : ICollectionFixture<WebSocketServerFixture>
{
    public const string Name = "websocket-server";
}
