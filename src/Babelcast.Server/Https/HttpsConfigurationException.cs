namespace Babelcast.Server.Https;

/// <summary>A certificate setting that cannot work; the message names the configuration key to fix.</summary>
public sealed class HttpsConfigurationException(string message) : Exception(message);
