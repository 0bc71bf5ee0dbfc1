namespace Babelcast.Scripture.Sword;

/// <summary>What one diatheke call printed, or why it gave nothing.</summary>
internal readonly record struct DiathekeResult(bool Succeeded, string Output, string? Error)
{
    public static DiathekeResult Ok(string output) => new(true, output, null);

    public static DiathekeResult Failed(string error) => new(false, "", error);
}
