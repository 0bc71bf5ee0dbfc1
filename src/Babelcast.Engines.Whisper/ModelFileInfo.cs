namespace Babelcast.Engines.Whisper;

/// <summary>What the header of a valid model file says.</summary>
internal readonly record struct ModelFileInfo(bool Multilingual, int AudioLayers, long Length);
