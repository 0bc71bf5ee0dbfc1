namespace Babelcast.Server.Cli;

/// <summary>
/// What a command runs with: its standard streams (injected so that tests need no console) and the configuration
/// arguments (<c>--Babelcast:DataDirectory DIR</c>) that were set aside before parsing, for <see cref="CliStore"/>.
/// </summary>
/// <see cref="ErrorIsTerminal"/>: stderr is the console on a terminal, so a progress line may redraw itself.
internal sealed record CliContext(TextReader In, TextWriter Out, TextWriter Error, IReadOnlyList<string> ConfigurationArgs, bool ErrorIsTerminal = false);
