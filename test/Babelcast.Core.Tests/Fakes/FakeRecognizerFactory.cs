using Babelcast.Core.Languages;
using Babelcast.Core.Recognition;

namespace Babelcast.Core.Tests.Fakes;

internal sealed class FakeRecognizerFactory(string name, params string[] languages) : ISpeechRecognizerFactory
{
    public string Name => name;

    public IReadOnlyList<LanguageInfo> SupportedLanguages { get; } = [.. languages.Select(LanguageNames.Info)];

    public ValueTask<ISpeechRecognizer> RentAsync(string language, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The fake only describes languages.");

    public ValueTask PrewarmAsync(string language, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
