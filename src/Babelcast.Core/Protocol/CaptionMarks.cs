namespace Babelcast.Core.Protocol;

/// <summary>
/// What a caption says about its text beyond the origin: the Bible reference it reads (<c>ref</c>), and whether it is
/// a machine translation where an installed Bible's words were wanted (<c>machineTranslated</c>), the lines of prepared
/// text it carries (<c>cues</c>).
/// </summary>
public readonly record struct CaptionMarks(string? Reference, bool MachineTranslated, IReadOnlyList<int>? Cues = null);
