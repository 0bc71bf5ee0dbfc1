namespace Babelcast.Server.Models;

internal static class Hex
{
    public static bool IsHex(string value, int length) =>
        value.Length == length && value.All(char.IsAsciiHexDigit);
}
