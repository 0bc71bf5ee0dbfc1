using System.ComponentModel.DataAnnotations;

namespace Babelcast.Server.Sessions;

/// <summary>Section "Babelcast:CoOperators": the accounts a session's owner may invite to operate it beside them.</summary>
public sealed class CoOperatorOptions
{
    public const string Section = "Babelcast:CoOperators";

    /// <summary>Co-operators one session may have (OPERATOR_LIMIT_REACHED past it).</summary>
    [Range(1, 100)]
    public int MaxPerSession { get; set; } = 10;
}
