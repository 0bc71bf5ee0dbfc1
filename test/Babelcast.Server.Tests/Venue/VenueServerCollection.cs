namespace Babelcast.Server.Tests.Venue;

[CollectionDefinition(Name)]
public sealed class VenueServerCollection : ICollectionFixture<VenueServerFixture>
{
    public const string Name = "Venue server";
}
