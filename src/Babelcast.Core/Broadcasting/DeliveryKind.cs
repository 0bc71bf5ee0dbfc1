namespace Babelcast.Core.Broadcasting;

public enum DeliveryKind
{
    /// <summary>Not tied to a phrase (status, control).</summary>
    Control,
    PartialCaption,
    FinalCaption,
    Audio,
}
