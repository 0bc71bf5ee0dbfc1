using Xunit.Abstractions;

namespace Babelcast.Server.Tests.Fuzz;

/// <summary>
/// Generated bad requests over every HTTP route, each asserting the documented status and problem code; the control
/// session is checked after every category.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class HttpFuzzTests(FuzzServerFixture fx, ITestOutputHelper output)
{
    [Fact]
    public Task MalformedJson_EveryBodyRoute_ValidationFailed() =>
        HttpFuzzRunner.RunAsync(fx, output, "http.malformedJson", HttpCases.MalformedJson(fx));

    [Fact]
    public Task LoneSurrogateEscapes_EveryBodyRoute_ValidationFailed() =>
        HttpFuzzRunner.RunAsync(fx, output, "http.loneSurrogates", HttpCases.Surrogates(fx));

    [Fact]
    public Task WrongContentTypes_BodyReadByContent_DocumentedAnswer() =>
        HttpFuzzRunner.RunAsync(fx, output, "http.contentTypes", HttpCases.ContentTypes(fx));

    [Fact]
    public Task OversizedBodies_EveryBodyRouteAndFraming_RequestTooLarge() =>
        RawHttpFuzzRunner.RunAsync(fx, output, "http.oversized", HttpCases.Oversized(fx)
            .SelectMany(c => new[] { (c, RawHttpFuzzRunner.Framing.ContentLength), (c, RawHttpFuzzRunner.Framing.Chunked) })

            // A chunked body that is not JSON from its first byte fails parsing before 64 KiB have arrived.
            .Where(c => !(c.Item2 == RawHttpFuzzRunner.Framing.Chunked && c.Item1.Name.Contains("/garbage(", StringComparison.Ordinal)))
            .ToList());

    [Fact]
    public Task MalformedChunking_EveryBodyRoute_MalformedRequest() =>
        RawHttpFuzzRunner.RunAsync(fx, output, "http.malformedChunking", RawHttpFuzzRunner.MalformedChunking(fx));

    [Fact]
    public Task OddIds_EverySessionRoute_InvalidOrNotFound() =>
        HttpFuzzRunner.RunAsync(fx, output, "http.oddIds", HttpRouteCases.OddIds(fx));

    [Fact]
    public Task OddQueryValues_TranscriptAndAudio_DocumentedAnswer() =>
        HttpFuzzRunner.RunAsync(fx, output, "http.oddQueries", HttpRouteCases.OddQueries(fx));

    [Fact]
    public Task BadTokens_EveryBearerRoute_Unauthorized() =>
        HttpFuzzRunner.RunAsync(fx, output, "http.badTokens", HttpRouteCases.Tokens(fx));

    [Fact]
    public Task AnotherSpeaker_OwnerRoutes_Forbidden() =>
        HttpFuzzRunner.RunAsync(fx, output, "http.wrongRoles", HttpRouteCases.WrongRoles(fx));
}
