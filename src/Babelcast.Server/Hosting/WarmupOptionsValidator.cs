using Babelcast.Core.Languages;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>A language no source here translates into, or a keep-warm interval out of range, stops the start naming it.</summary>
internal sealed class WarmupOptionsValidator(ILanguageCatalog languages) : IValidateOptions<WarmupOptions>
{
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, WarmupOptions options)
    {
        var failures = new List<string>();
        if (options.KeepWarmInterval < Shortest || options.KeepWarmInterval > Longest)
        {
            failures.Add($"{WarmupOptions.Section}:{nameof(options.KeepWarmInterval)} must be between 00:00:10 and 01:00:00 (it was {options.KeepWarmInterval}).");
        }

        var offered = languages.AllTargets.Select(l => l.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var code in options.Codes() ?? [])
        {
            if (!offered.Contains(code))
            {
                failures.Add($"{WarmupOptions.Section}:{nameof(options.Languages)} names '{code}', which no source language here is translated into; "
                    + $"use '{WarmupOptions.All}', '{WarmupOptions.None}' or codes from: {string.Join(", ", offered.Order(StringComparer.Ordinal))}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
