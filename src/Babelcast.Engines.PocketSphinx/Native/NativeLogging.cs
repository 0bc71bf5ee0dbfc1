namespace Babelcast.Engines.PocketSphinx.Native;

/// <summary>
/// sphinxbase logs through one process-wide sink. It is set once, before the first decoder, because
/// per-decoder "-logfn" would reopen and close the shared FILE* while other decoders may be logging.
/// </summary>
internal static class NativeLogging
{
    private static readonly Lock Gate = new();
    private static bool _configured;

    public static void EnsureConfigured(string? logFile)
    {
        lock (Gate)
        {
            if (_configured)
            {
                return;
            }

            if (string.IsNullOrEmpty(logFile) || NativeMethods.err_set_logfile(logFile) < 0)
            {
                // Both: messages go through the callback, the argument table straight to the FILE*.
                NativeMethods.err_set_callback(IntPtr.Zero, IntPtr.Zero);
                NativeMethods.err_set_logfp(IntPtr.Zero);
            }

            _configured = true;
        }
    }
}
