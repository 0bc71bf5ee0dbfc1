namespace Babelcast.Core.Storage;

/// <summary>What an invitation did.</summary>
public enum OperatorInvite
{
    Added,

    /// <summary>The user was invited already: nothing changed (the earlier invitation time stays).</summary>
    AlreadyInvited,

    /// <summary>The session already has as many co-operators as allowed: nothing changed.</summary>
    LimitReached,
}
