using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Babelcast.Server.Tests.Console;

/// <summary>Reads a verse straight from the installed SWORD module, so that tests compare with the module, not with a remembered text.</summary>
internal static partial class Diatheke
{
    public static async Task<string> VerseAsync(string module, string reference)
    {
        var start = new ProcessStartInfo("diatheke") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-b", module, "-k", reference })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n')[0];
        return Markup().Replace(line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..], " ");
    }

    /// <summary>The words only, lower case, one space apart: markup and punctuation differ between renderings.</summary>
    public static string Words(string text) => string.Join(' ', NotLetters().Split(text.ToLowerInvariant()).Where(w => w.Length > 0));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"[^\p{L}]+")]
    private static partial Regex NotLetters();
}
