namespace Babelcast.Core.Sessions;

/// <summary>
/// One live state change of a session: <paramref name="Flag"/> set to <paramref name="Value"/>. Absolute, not a toggle,
/// so that a node may apply it twice (from the bus and from the state read at a join) with one effect.
/// <paramref name="Acknowledge"/>: the speaker asked for it, so its socket is answered even if nothing changed.
/// </summary>
public readonly record struct SessionStateChange(SessionFlag Flag, bool Value, bool Acknowledge = false);
