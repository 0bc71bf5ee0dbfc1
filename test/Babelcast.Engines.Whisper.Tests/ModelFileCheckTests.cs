using System.Text;

namespace Babelcast.Engines.Whisper.Tests;

[Collection(GeneratedModelCollection.Name)]
public sealed class ModelFileCheckTests(GeneratedModel model)
{
    [Fact]
    public void Problem_GeneratedModel_None()
    {
        Assert.Null(ModelFileCheck.Problem(model.Path, out var info));
        Assert.True(info.Multilingual);
        Assert.Equal(1, info.AudioLayers);
    }

    [Fact]
    public void Problem_MissingFile_NamesFile()
    {
        var path = Path.Combine(model.Directory, "ggml-absent.bin");
        var problem = ModelFileCheck.Problem(path, out _);
        Assert.Contains(path, problem);
        Assert.Contains("does not exist", problem);
    }

    [Theory]
    [InlineData(0.999)]
    [InlineData(0.5)]
    [InlineData(0.01)]
    public void Problem_TruncatedFile_SaysTruncated(double fraction)
    {
        var path = model.Truncated((long)(model.Length * fraction));
        var problem = ModelFileCheck.Problem(path, out _);
        Assert.NotNull(problem);
        Assert.Contains(path, problem);
        Assert.Contains("truncated", problem);
    }

    [Fact]
    public void Problem_HeaderOnly_SaysTruncated()
    {
        var problem = ModelFileCheck.Problem(model.Truncated(20), out _);
        Assert.Contains("truncated", problem);
    }

    [Fact]
    public void Problem_GgufFile_SaysGguf()
    {
        var path = Path.Combine(model.Directory, "model.gguf");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("GGUF"), .. new byte[64]]);
        Assert.Contains("GGUF", ModelFileCheck.Problem(path, out _));
    }

    [Fact]
    public void Problem_OtherFile_SaysWrongMagic()
    {
        var path = Path.Combine(model.Directory, "page.html");
        File.WriteAllText(path, "<html>404 Not Found</html>");
        var problem = ModelFileCheck.Problem(path, out _);
        Assert.Contains("not a ggml Whisper model", problem);
        Assert.Contains(path, problem);
    }

    [Fact]
    public void Problem_Directory_SaysDirectory()
    {
        Assert.Contains("is a directory", ModelFileCheck.Problem(model.Directory, out _));
    }
}
