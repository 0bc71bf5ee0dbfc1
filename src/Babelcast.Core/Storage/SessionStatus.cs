namespace Babelcast.Core.Storage;

public enum SessionStatus
{
    Active,
    Paused,
    Ended,
}
