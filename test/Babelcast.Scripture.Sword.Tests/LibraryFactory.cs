using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Babelcast.Scripture.Sword.Tests;

internal static class LibraryFactory
{
    public static SwordBibleLibrary Create(Action<SwordOptions>? configure = null)
    {
        var options = new SwordOptions();
        configure?.Invoke(options);
        return new SwordBibleLibrary(Options.Create(options), NullLogger<SwordBibleLibrary>.Instance, TimeProvider.System);
    }
}
