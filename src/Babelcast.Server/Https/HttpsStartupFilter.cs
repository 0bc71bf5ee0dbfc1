namespace Babelcast.Server.Https;

/// <summary>
/// With HTTPS on, the urls are declared as Kestrel endpoints (<see cref="HttpsKestrelSetup"/>); leaving them in the
/// server's address list as well would make Kestrel warn at every start that it overrides them.
/// </summary>
internal sealed class HttpsStartupFilter(HttpsCertificateSource source, IConfiguration configuration) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (source.Mode != HttpsMode.Off && ConfiguredUrls.KestrelEndpoints(configuration).Count == 0
            && app.ServerFeatures.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>() is { Addresses.IsReadOnly: false } feature)
        {
            feature.Addresses.Clear();
        }

        next(app);
    };
}
