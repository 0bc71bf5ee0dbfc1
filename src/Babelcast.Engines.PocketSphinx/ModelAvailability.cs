using System.Runtime.InteropServices;
using Babelcast.Engines.PocketSphinx.Native;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>Checks that the native libraries load and the model files exist.</summary>
internal static class ModelAvailability
{
    /// <summary>Returns why the engine cannot run, or null when it can.</summary>
    public static string? Problem(PocketSphinxOptions options)
    {
        foreach (var library in new[] { NativeMethods.SphinxBaseLibrary, NativeMethods.PocketSphinxLibrary })
        {
            if (!NativeLibrary.TryLoad(library, out var loaded))
            {
                return $"{library} could not be loaded (apt-get install libpocketsphinx3 libsphinxbase3)";
            }

            NativeLibrary.Free(loaded);
        }

        if (!Directory.Exists(options.ModelDirectory))
        {
            return $"model directory {options.ModelDirectory} not found (apt-get install pocketsphinx-en-us)";
        }

        if (!Directory.Exists(options.AcousticModelPath))
        {
            return $"acoustic model {options.AcousticModelPath} not found";
        }

        if (!File.Exists(options.LanguageModelPath))
        {
            return $"language model {options.LanguageModelPath} not found";
        }

        return File.Exists(options.DictionaryPath) ? null : $"dictionary {options.DictionaryPath} not found";
    }
}
