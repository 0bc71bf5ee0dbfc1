using Microsoft.Extensions.Logging;

namespace Babelcast.Audio.Lame;

internal static partial class Log
{
    [LoggerMessage(3300, LogLevel.Error, "LAME rejected its parameters ({Error}) for {SampleRate} Hz at {Bitrate} kbit/s")]
    public static partial void ParametersRejected(ILogger logger, int error, int sampleRate, int bitrate);

    [LoggerMessage(3301, LogLevel.Error, "LAME failed to encode {Samples} samples ({Error})")]
    public static partial void EncodeFailed(ILogger logger, int samples, int error);

    [LoggerMessage(3302, LogLevel.Debug, "LAME encoded {Samples} samples at {SampleRate} Hz into {Bytes} bytes")]
    public static partial void Encoded(ILogger logger, int samples, int sampleRate, int bytes);
}
