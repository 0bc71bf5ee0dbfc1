namespace Babelcast.Engines.Whisper;

/// <summary>What one decode is for; decoders keep a whisper state per distinct request shape.</summary>
internal readonly record struct DecodeRequest(string Language, DecodePass Pass, string? Prompt);
