namespace Babelcast.Bench.Clients;

public enum ArrivalKind : byte
{
    Other,
    Joined,
    PartialCaption,
    FinalCaption,
    AudioHeader,
    AudioData,
    Error,
    SessionEnded,
}
