using Microsoft.Extensions.Options;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>Validates shape, not presence: a missing model makes the engine unavailable, not the server fail.</summary>
internal sealed class PocketSphinxOptionsValidator : IValidateOptions<PocketSphinxOptions>
{
    private const int MaxDecoders = 256;

    public ValidateOptionsResult Validate(string? name, PocketSphinxOptions options)
    {
        var failures = new List<string>();
        RequirePath(failures, nameof(options.ModelDirectory), options.ModelDirectory);
        RequirePath(failures, nameof(options.AcousticModel), options.AcousticModel);
        RequirePath(failures, nameof(options.LanguageModel), options.LanguageModel);
        RequirePath(failures, nameof(options.Dictionary), options.Dictionary);
        if (!string.IsNullOrEmpty(options.NativeLogFile))
        {
            RequirePath(failures, nameof(options.NativeLogFile), options.NativeLogFile);
        }

        RequireArguments(failures, nameof(options.StreamingArguments), options.StreamingArguments);
        RequireArguments(failures, nameof(options.FinalArguments), options.FinalArguments);
        RequireCount(failures, nameof(options.MaxStreamingDecoders), options.MaxStreamingDecoders);
        if (options.GlossaryWeight is <= 0 or > 0.2)
        {
            failures.Add($"{PocketSphinxOptions.SectionName}:{nameof(options.GlossaryWeight)} must be above 0 and at most 0.2 (was {options.GlossaryWeight}).");
        }

        RequirePath(failures, nameof(options.GlossaryESpeakCommand), options.GlossaryESpeakCommand);
        RequireCount(failures, nameof(options.FinalDecoders), options.FinalDecoders);
        if (options.WarmDecoders < 0 || options.WarmDecoders > options.MaxStreamingDecoders)
        {
            failures.Add($"{PocketSphinxOptions.SectionName}:{nameof(options.WarmDecoders)} must be between 0 and MaxStreamingDecoders ({options.MaxStreamingDecoders}) (was {options.WarmDecoders}).");
        }

        if (options.IncrementalDecoders < 0 || options.IncrementalDecoders > options.MaxStreamingDecoders)
        {
            failures.Add($"{PocketSphinxOptions.SectionName}:{nameof(options.IncrementalDecoders)} must be between 0 (one per core) and MaxStreamingDecoders ({options.MaxStreamingDecoders}) (was {options.IncrementalDecoders}).");
        }

        if (options.IncrementalStartMs is < 100 or > 60_000)
        {
            failures.Add($"{PocketSphinxOptions.SectionName}:{nameof(options.IncrementalStartMs)} must be between 100 and 60000 (was {options.IncrementalStartMs}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePath(List<string> failures, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{PocketSphinxOptions.SectionName}:{name} is required.");
        }
        else if (value.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{PocketSphinxOptions.SectionName}:{name} is not a valid path.");
        }
    }

    private static void RequireArguments(List<string> failures, string name, string? value)
    {
        if (DecoderArguments.Problem(value) is { } problem)
        {
            failures.Add($"{PocketSphinxOptions.SectionName}:{name} {problem}.");
        }
    }

    private static void RequireCount(List<string> failures, string name, int value)
    {
        if (value is < 1 or > MaxDecoders)
        {
            failures.Add($"{PocketSphinxOptions.SectionName}:{name} must be between 1 and {MaxDecoders} (was {value}).");
        }
    }
}
