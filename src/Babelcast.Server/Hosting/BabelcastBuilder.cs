namespace Babelcast.Server.Hosting;

/// <summary>Returned by AddBabelcast so that backends can chain their replacements (e.g. a PostgreSQL store).</summary>
public sealed class BabelcastBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;
}
