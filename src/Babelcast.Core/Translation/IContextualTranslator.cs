namespace Babelcast.Core.Translation;

/// <summary>A translator that reads the previous phrases of the session (<see cref="TranslationRequest.Context"/>).</summary>
public interface IContextualTranslator : ITranslator
{
    ValueTask<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken);
}
