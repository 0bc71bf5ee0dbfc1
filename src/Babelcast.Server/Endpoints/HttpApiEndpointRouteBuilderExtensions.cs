using Babelcast.Core.Protocol;
using Babelcast.Server.Https;
using Babelcast.Server.Streaming;

namespace Babelcast.Server.Endpoints;

public static class HttpApiEndpointRouteBuilderExtensions
{
    /// <summary>The JSON API under /api: tokens, sessions (and their QR code, transcript, audio), languages, Bibles and Scripture passages, and the server's addresses.</summary>
    public static IEndpointRouteBuilder MapBabelcastHttpApi(this IEndpointRouteBuilder app)
    {
        TokenEndpoints.Map(app);
        SessionEndpoints.Map(app);
        SessionResourceEndpoints.Map(app);
        GlossaryEndpoints.Map(app);
        LanguageEndpoints.Map(app);
        ScriptureEndpoints.Map(app);
        ScriptEndpoints.Map(app);
        OperatorEndpoints.Map(app);
        HttpsEndpoints.Map(app);
        ServerEndpoints.Map(app);
        app.MapBabelcastStream();

        // Unknown API paths answer with a problem too, not an empty 404 (lowest route precedence, so real routes win).
        app.Map("/api/{**path}", () => Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "No such API route."));
        return app;
    }
}
