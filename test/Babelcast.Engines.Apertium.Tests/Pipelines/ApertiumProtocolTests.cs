using System.Text;
using Babelcast.Engines.Apertium.Pipelines;

namespace Babelcast.Engines.Apertium.Tests.Pipelines;

public sealed class ApertiumProtocolTests
{
    [Fact]
    public void Encode_ReservedCharacters_AreEscapedAndTerminated()
    {
        var bytes = ApertiumProtocol.Encode("a$b^c\\d[e]{f}<g>/h@i*j\tk\0l");
        Assert.Equal("a\\$b\\^c\\\\d\\[e\\]\\{f\\}\\<g\\>\\/h\\@i\\*j k l\n\0", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Decode_EscapedReply_IsUnescaped()
    {
        Assert.Equal("El coste es $5 @casa\n", ApertiumProtocol.Decode(Encoding.UTF8.GetBytes("El coste es \\$5 \\@casa\n")));
    }
}
