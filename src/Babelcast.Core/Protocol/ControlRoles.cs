namespace Babelcast.Core.Protocol;

/// <summary>
/// Who holds a control connection of a session (<c>/ws/speak</c>): its owner (audio and every control) or a co-operator
/// the owner invited (typed lines, corrections, hold, prepared text, Scripture; no audio, pause, mute or end).
/// </summary>
public static class ControlRoles
{
    public const string Owner = "owner";

    public const string Operator = "operator";
}
