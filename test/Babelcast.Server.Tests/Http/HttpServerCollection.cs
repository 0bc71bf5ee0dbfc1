namespace Babelcast.Server.Tests.Http;

[CollectionDefinition(Name)]
public sealed class HttpServerCollection : ICollectionFixture<HttpServerFixture>
{
    public const string Name = "http-server";
}
