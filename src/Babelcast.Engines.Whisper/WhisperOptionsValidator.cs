using Microsoft.Extensions.Options;

namespace Babelcast.Engines.Whisper;

/// <summary>
/// Validates the settings and, when a model is configured and required, the model file itself (its structure, not
/// its weights), so that a missing, truncated or foreign file stops the start with a message naming it.
/// </summary>
internal sealed class WhisperOptionsValidator : IValidateOptions<WhisperOptions>
{
    public ValidateOptionsResult Validate(string? name, WhisperOptions options)
    {
        var failures = new List<string>();
        const string s = WhisperOptions.SectionName;
        if (options.MaxConcurrentDecodes is < 1 or > 64)
        {
            failures.Add($"{s}:{nameof(options.MaxConcurrentDecodes)} must be between 1 and 64 (was {options.MaxConcurrentDecodes}).");
        }

        if (options.Threads is < 0 or > 256)
        {
            failures.Add($"{s}:{nameof(options.Threads)} must be between 0 (automatic) and 256 (was {options.Threads}).");
        }

        if (options.PartialIntervalMs is < 0 or > 60_000)
        {
            failures.Add($"{s}:{nameof(options.PartialIntervalMs)} must be between 0 (no partials) and 60000 (was {options.PartialIntervalMs}).");
        }

        if (options.PartialCostFactor is < 1 or > 100)
        {
            failures.Add($"{s}:{nameof(options.PartialCostFactor)} must be between 1 and 100 (was {options.PartialCostFactor}).");
        }

        if (options.PartialMinAudioMs is < 0 or > 30_000)
        {
            failures.Add($"{s}:{nameof(options.PartialMinAudioMs)} must be between 0 and 30000 (was {options.PartialMinAudioMs}).");
        }

        if (options.BeamSize is < 1 or > 16)
        {
            failures.Add($"{s}:{nameof(options.BeamSize)} must be between 1 (greedy) and 16 (was {options.BeamSize}).");
        }

        if (options.MinSpeechMs is < 20 or > 10_000)
        {
            failures.Add($"{s}:{nameof(options.MinSpeechMs)} must be between 20 and 10000 (was {options.MinSpeechMs}).");
        }

        if (!string.IsNullOrWhiteSpace(options.ModelPath) && options.RequireModel && ModelFileCheck.Problem(options.ModelPath, out _) is { } problem)
        {
            failures.Add($"{s}:{nameof(options.ModelPath)}: {problem}. Set {s}:{nameof(options.RequireModel)}=false to start without Whisper instead.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
