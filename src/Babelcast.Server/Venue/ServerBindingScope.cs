namespace Babelcast.Server.Venue;

internal enum ServerBindingScope
{
    /// <summary>0.0.0.0, [::], + or *: every interface.</summary>
    AllInterfaces,

    /// <summary>127.x, ::1 or localhost: this machine only.</summary>
    Loopback,

    /// <summary>One specific non-loopback address (or host name).</summary>
    Address,
}
