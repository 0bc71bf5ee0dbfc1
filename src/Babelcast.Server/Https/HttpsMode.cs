namespace Babelcast.Server.Https;

public enum HttpsMode
{
    Off,
    SelfSigned,
    Files,
}
