using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.Apertium.Tests;

/// <summary>One real translator (and its warm pipelines) shared by a test class.</summary>
public sealed class TranslatorFixture : IDisposable
{
    public ApertiumTranslator Translator { get; } = Create(new ApertiumOptions());

    public static ApertiumTranslator Create(ApertiumOptions options, TimeProvider? time = null) =>
        new(Options.Create(options), time ?? TimeProvider.System, NullLogger<ApertiumTranslator>.Instance);

    public void Dispose() => Translator.Dispose();
}
