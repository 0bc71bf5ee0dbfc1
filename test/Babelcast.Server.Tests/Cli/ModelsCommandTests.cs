using System.Security.Cryptography;
using System.Text.Json;
using Babelcast.Server.Cli;

namespace Babelcast.Server.Tests.Cli;

/// <summary>
/// <c>babelcast models</c> against a real HTTP server on loopback serving a generated 4 MiB "model" whose SHA-256 the
/// test's own catalog (--catalog) gives: the real download, resume, checksum and rename code, no fakes.
/// </summary>
public sealed class ModelsCommandTests : IAsyncLifetime
{
    private const string FileName = "ggml-test.bin";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "babelcast-models-" + Guid.NewGuid().ToString("N")[..12]);
    private ModelFileServer _server = null!;

    private string DataDirectory => Path.Combine(_root, "data");

    private string FinalPath => Path.Combine(DataDirectory, "models", FileName);

    private string PartialPath => FinalPath + ".partial";

    public async Task InitializeAsync()
    {
        var content = new byte[4 * 1024 * 1024 + 123];
        new Random(14).NextBytes(content);
        _server = await ModelFileServer.StartAsync(FileName, content);
        Directory.CreateDirectory(_root);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Download_FullFile_VerifiesAndInstallsUnderFinalName()
    {
        var (code, stdout, stderr) = await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", Catalog(Sha256(_server.Content)));

        Assert.True(code == BabelcastCli.Success, stderr);
        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(FinalPath));
        Assert.False(File.Exists(PartialPath));
        Assert.Contains("installed test", stdout, StringComparison.Ordinal);
        Assert.Contains("100% 4.0 MiB of 4.0 MiB", stderr, StringComparison.Ordinal); // the sparse progress lines off a terminal
        Assert.Equal([""], _server.RangeHeaders);

        (code, stdout, stderr) = await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", Catalog(Sha256(_server.Content)));
        Assert.True(code == BabelcastCli.Success, stderr);
        Assert.Contains("already installed", stdout, StringComparison.Ordinal);
        Assert.Single(_server.RangeHeaders); // no second request
    }

    [Fact]
    public async Task Download_InterruptedThenRunAgain_ResumesWithRangeAndVerifies()
    {
        var catalog = Catalog(Sha256(_server.Content));
        _server.Mode = ModelServerMode.DropsHalfway;
        var (code, _, stderr) = await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", catalog);

        Assert.Equal(BabelcastCli.Failure, code);
        Assert.Contains("run the same command again to resume", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(FinalPath));
        var kept = new FileInfo(PartialPath).Length;
        Assert.InRange(kept, 1, _server.Content.Length - 1);

        _server.Mode = ModelServerMode.Ranges;
        (code, _, stderr) = await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", catalog);

        Assert.True(code == BabelcastCli.Success, stderr);
        Assert.Equal(["", $"bytes={kept}-"], _server.RangeHeaders);
        Assert.Contains("resuming", stderr, StringComparison.Ordinal);
        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(FinalPath));
        Assert.False(File.Exists(PartialPath));
    }

    [Fact]
    public async Task Download_ServerIgnoresRange_StartsAgainFromZero()
    {
        // Bytes that are not the file's start: appending the 200 answer to them could never verify.
        Directory.CreateDirectory(Path.GetDirectoryName(PartialPath)!);
        await File.WriteAllBytesAsync(PartialPath, Enumerable.Repeat((byte)0xAB, 1024 * 1024).ToArray());
        _server.Mode = ModelServerMode.IgnoresRange;

        var (code, _, stderr) = await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", Catalog(Sha256(_server.Content)));

        Assert.True(code == BabelcastCli.Success, stderr);
        Assert.Equal(["bytes=1048576-"], _server.RangeHeaders);
        Assert.Contains("starting again from zero", stderr, StringComparison.Ordinal);
        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(FinalPath));
    }

    [Fact]
    public async Task Download_PartialAlreadyComplete_416EndsInVerifiedInstall()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PartialPath)!);
        await File.WriteAllBytesAsync(PartialPath, _server.Content);

        var (code, _, stderr) = await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", Catalog(Sha256(_server.Content)));

        Assert.True(code == BabelcastCli.Success, stderr);
        Assert.Equal([$"bytes={_server.Content.Length}-"], _server.RangeHeaders);
        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(FinalPath));
    }

    [Fact]
    public async Task Download_PartialLongerThanServerFile_StartsAgain()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PartialPath)!);
        await File.WriteAllBytesAsync(PartialPath, new byte[_server.Content.Length + 10]);

        var (code, _, stderr) = await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", Catalog(Sha256(_server.Content)));

        Assert.True(code == BabelcastCli.Success, stderr);
        Assert.Equal([$"bytes={_server.Content.Length + 10}-", ""], _server.RangeHeaders);
        Assert.Equal(_server.Content, await File.ReadAllBytesAsync(FinalPath));
    }

    [Fact]
    public async Task Download_ChecksumMismatch_Exits1DeletesPartialInstallsNothing()
    {
        var (code, stdout, stderr) = await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", Catalog(Sha256([1, 2, 3])));

        Assert.Equal(BabelcastCli.Failure, code);
        Assert.Contains("does not match the table", stderr, StringComparison.Ordinal);
        Assert.Contains(Sha256(_server.Content), stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.False(File.Exists(FinalPath));
        Assert.False(File.Exists(PartialPath));
        Assert.Single(_server.RangeHeaders);
    }

    [Fact]
    public async Task Download_NoChecksumInTable_RefusedWithoutSha256AcceptedWithIt()
    {
        var catalog = Catalog(sha256: null);
        var (code, _, stderr) = await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", catalog);

        Assert.Equal(BabelcastCli.Failure, code);
        Assert.Contains("--sha256", stderr, StringComparison.Ordinal);
        Assert.Empty(_server.RangeHeaders); // refused before any request
        Assert.False(File.Exists(PartialPath));

        (code, _, stderr) = await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", catalog, "--sha256", Sha256(_server.Content).ToUpperInvariant());
        Assert.True(code == BabelcastCli.Success, stderr);
        Assert.True(File.Exists(FinalPath));
    }

    [Fact]
    public async Task Download_CancelledMidway_Returns130AndKeepsPartial()
    {
        _server.Mode = ModelServerMode.StallsHalfway;
        using var cts = new CancellationTokenSource();
        var run = RunAsync(cts.Token, "download", "test", "--base-url", _server.BaseUrl, "--catalog", Catalog(Sha256(_server.Content)));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(File.Exists(PartialPath) && new FileInfo(PartialPath).Length >= _server.Content.Length / 4) && DateTime.UtcNow < deadline && !run.IsCompleted)
        {
            await Task.Delay(20);
        }

        await cts.CancelAsync();
        var (code, _, stderr) = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(BabelcastCli.Cancelled, code);
        Assert.Contains("cancelled", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(PartialPath));
        Assert.False(File.Exists(FinalPath));
    }

    [Fact]
    public async Task Download_ServerStalls_GivesUpAfterStallTimeoutKeepingPartial()
    {
        _server.Mode = ModelServerMode.StallsHalfway;
        var (code, _, stderr) = await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", Catalog(Sha256(_server.Content)),
            "--Babelcast:Models:StallTimeout", "00:00:01");

        Assert.Equal(BabelcastCli.Failure, code);
        Assert.Contains("no data from the server for 1 s", stderr, StringComparison.Ordinal);
        Assert.True(new FileInfo(PartialPath).Length > 0);
    }

    [Fact]
    public async Task Download_NotFound_Exits1WithStatus()
    {
        var (code, _, stderr) = await RunAsync("download", "test", "--base-url", _server.BaseUrl + "/elsewhere", "--catalog", Catalog(Sha256(_server.Content)));

        Assert.Equal(BabelcastCli.Failure, code);
        Assert.Contains("answered 404", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(FinalPath));
    }

    [Fact]
    public async Task Verify_OkThenMismatchAfterOneByteChanges()
    {
        var catalog = Catalog(Sha256(_server.Content));
        Assert.Equal(0, (await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", catalog)).Code);
        await File.WriteAllBytesAsync(Path.Combine(DataDirectory, "models", "ggml-other.bin"), [1, 2, 3]);

        var (code, stdout, stderr) = await RunAsync("verify", "--catalog", catalog);
        Assert.True(code == BabelcastCli.Success, stderr);
        Assert.Contains($"test\tok\tsha256\t{Sha256(_server.Content)}", stdout, StringComparison.Ordinal);
        Assert.Contains("ggml-other.bin\tunknown-checksum", stdout, StringComparison.Ordinal);

        await using (var file = new FileStream(FinalPath, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = _server.Content.Length / 2;
            file.WriteByte((byte)(_server.Content[_server.Content.Length / 2] ^ 0x01));
        }

        (code, stdout, stderr) = await RunAsync("verify", "test", "--catalog", catalog);
        Assert.Equal(BabelcastCli.Failure, code);
        Assert.StartsWith("test\tmismatch\tsha256\t", stdout, StringComparison.Ordinal);
        Assert.Contains("does not match the table", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_BuiltInTable_ShowsOfficialModelsAndWhatIsInstalled()
    {
        var (code, stdout, _) = await RunAsync("list");
        Assert.Equal(0, code);
        Assert.Contains("base.en\tggml-base.en.bin\t142 MiB\tsha256\t-", stdout, StringComparison.Ordinal);
        Assert.Contains("tiny\tggml-tiny.bin\t75 MiB\tsha1\t-", stdout, StringComparison.Ordinal);
        Assert.Contains("large-v3-turbo\t", stdout, StringComparison.Ordinal);

        var catalog = Catalog(Sha256(_server.Content));
        Assert.Equal(0, (await RunAsync("download", "test", "--base-url", _server.BaseUrl, "--catalog", catalog)).Code);
        (code, stdout, _) = await RunAsync("list", "--catalog", catalog);
        Assert.Equal(0, code);
        Assert.Equal($"test\t{FileName}\t4 MiB\tsha256\tinstalled 4.0 MiB", stdout.Trim());
    }

    [Theory]
    [InlineData("{ \"models\": [ { \"name\": \"x\", \"file\": \"../x.bin\" } ] }", "invalid file name")]
    [InlineData("{ \"models\": [ { \"name\": \"x\", \"file\": \"x.bin\", \"sha256\": \"abc\" } ] }", "not 64 hex digits")]
    [InlineData("{ \"models\": [ ", "not valid JSON")]
    public async Task List_InvalidCatalog_Exits1NamingTheProblem(string json, string expected)
    {
        var path = Path.Combine(_root, "bad.json");
        await File.WriteAllTextAsync(path, json);
        var (code, _, stderr) = await RunAsync("list", "--catalog", path);
        Assert.Equal(BabelcastCli.Failure, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_UnknownModel_Exits1ListingKnownOnes()
    {
        var (code, _, stderr) = await RunAsync("download", "huge-v9");
        Assert.Equal(BabelcastCli.Failure, code);
        Assert.Contains("unknown model 'huge-v9'", stderr, StringComparison.Ordinal);
        Assert.Contains("base.en", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltInTable_EveryChecksumWellFormedAndTheModelsTheIssueNames()
    {
        var catalog = Babelcast.Server.Models.ModelCatalog.BuiltIn();
        foreach (var name in new[] { "tiny", "tiny.en", "base", "base.en", "small", "small.en", "medium", "medium.en", "large-v3", "large-v3-turbo" })
        {
            var model = catalog.Find(name);
            Assert.NotNull(model);
            Assert.True(model.HasChecksum, name);
            Assert.Equal($"ggml-{name}.bin", model.File);
        }
    }

    private string Catalog(string? sha256)
    {
        var path = Path.Combine(_root, "catalog-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        var entry = new Dictionary<string, object?> { ["name"] = "test", ["file"] = FileName, ["size"] = "4 MiB", ["bytes"] = _server.Content.Length };
        if (sha256 is not null)
        {
            entry["sha256"] = sha256;
        }

        File.WriteAllText(path, JsonSerializer.Serialize(new { models = new[] { entry } }));
        return path;
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(CancellationToken ct, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ModelsCommand.RunAsync([.. args, "--Babelcast:DataDirectory", DataDirectory], TextReader.Null, output, error, ct);
        return (code, output.ToString(), error.ToString());
    }
}
