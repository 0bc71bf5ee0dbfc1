namespace Babelcast.Core.Tests.Protocol;

public sealed class StringLiteralScannerTests
{
    [Fact]
    public void Literals_RegularVerbatimAndRaw_AllFound()
    {
        var source = "var a = \"caption\"; var b = @\"C:\\dir\"; var c = \"\"\"{\"type\":\"end\"}\"\"\"; var d = \"\";";

        Assert.Equal(["caption", "C:\\dir", "{\"type\":\"end\"}", string.Empty], StringLiteralScanner.Literals(source));
    }

    [Fact]
    public void Literals_InterpolationHoles_LiteralsInsideHolesFound()
    {
        var source = "Log($\"joined {string.Join(\", \", list)} as {(ok ? \"audio\" : \"none\")} {{x}}\");";

        var literals = StringLiteralScanner.Literals(source);

        Assert.Contains("audio", literals);
        Assert.Contains("none", literals);
        Assert.Contains(", ", literals);
        Assert.Contains("joined  as  {x}", literals);
    }

    [Fact]
    public void Literals_CommentsCharsAndEscapes_NotMistakenForLiterals()
    {
        var source = """
            // "caption" in a comment
            /* "audio" */ var q = '"'; var e = '\''; var s = "say \"end\" now"; var t = "error";
            """;

        Assert.Equal(["say \"end\" now", "error"], StringLiteralScanner.Literals(source));
    }
}
