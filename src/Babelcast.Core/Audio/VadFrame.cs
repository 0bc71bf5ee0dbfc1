namespace Babelcast.Core.Audio;

public readonly record struct VadFrame(bool Voiced, bool Onset, double LevelDbfs);
