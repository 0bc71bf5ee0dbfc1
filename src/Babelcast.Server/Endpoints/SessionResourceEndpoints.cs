using Babelcast.Core.Languages;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Babelcast.Server.Venue;
using QRCoder;

namespace Babelcast.Server.Endpoints;

/// <summary>Things derived from a session: its QR code, transcript exports and retained phrase audio.</summary>
internal static class SessionResourceEndpoints
{
    private const int TranslationPageSize = 1000;
    private const int MaxQrLinkBytes = 2331;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sessions/{id}/qr.svg", QrAsync);
        app.MapGet("/api/sessions/{id}/transcript", TranscriptAsync);
        app.MapGet("/api/sessions/{id}/audio/{seq}", AudioAsync);
    }

    private static async Task<IResult> QrAsync(
        string id, string? origin, HttpContext context, ISessionStore store, SessionViews views, JoinOrigins origins, CancellationToken cancellationToken)
    {
        var (session, error) = await SessionAccess.FindAsync(id, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        JoinOrigin? chosen = null;
        if (origin is not null)
        {
            chosen = origins.Find(context.Request, origin);
            if (chosen is null)
            {
                return UnknownOrigin();
            }
        }

        var link = views.JoinUrl(session!.Id, context.Request, chosen);
        if (System.Text.Encoding.UTF8.GetByteCount(link) > MaxQrLinkBytes)
        {
            return JoinLinkTooLong();
        }

        try
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
            using var qr = new SvgQRCode(data);
            var svg = qr.GetGraphic(8);
            return TypedResults.Text(svg, "image/svg+xml; charset=utf-8");
        }
        catch (QRCoder.Exceptions.DataTooLongException)
        {
            return JoinLinkTooLong();
        }
    }

    // Only an origin of the listed set: a link to anywhere else would make the server draw a QR code for a stranger.
    // The set itself is not repeated here: this route is public, the list of addresses is for signed-in speakers.
    private static IResult UnknownOrigin() =>
        Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed,
            "origin must be one of the join origins listed by GET /api/server/addresses.");

    // A version 40 code at level M holds 2331 bytes; a real link (host of at most 259 characters) is far shorter.
    private static IResult JoinLinkTooLong() =>
        Problems.Create(StatusCodes.Status500InternalServerError, ErrorCodes.JoinLinkTooLong,
            $"The join link is longer than a QR code holds ({MaxQrLinkBytes} bytes); shorten Babelcast:PublicBaseUrl.");

    private static async Task<IResult> TranscriptAsync(
        string id, string? targetLanguage, string? format, HttpContext context, ISessionStore store, IOperatorStore operators, ITranscriptStore transcripts,
        ILanguageCatalog languages, CancellationToken cancellationToken)
    {
        var (session, _, error) = await SessionAccess.FindOperableAsync(id, context, store, operators, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var fmt = string.IsNullOrWhiteSpace(format) ? "txt" : format.Trim().ToLowerInvariant();
        if (!TranscriptFormatter.Formats.Contains(fmt))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.InvalidFormat, "format must be txt, srt or vtt.",
                new Dictionary<string, object?> { ["supportedFormats"] = TranscriptFormatter.Formats });
        }

        var language = ResolveLanguage(session!, targetLanguage, languages);
        if (language is null)
        {
            var supported = languages.TargetsFor(session!.SourceLanguage).Select(l => l.Code).Prepend(session.SourceLanguage).Distinct().ToArray();
            return Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.UnsupportedLanguage,
                $"'{targetLanguage}' is not a language of this session.", new Dictionary<string, object?> { ["supportedLanguages"] = supported });
        }

        var lines = await LoadAsync(session!, language, transcripts, cancellationToken);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{session!.Id}-{language}.{fmt}\"";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Text(TranscriptFormatter.Render(fmt, lines), TranscriptFormatter.ContentType(fmt));
    }

    private static async Task<IResult> AudioAsync(
        string id, string seq, string? targetLanguage, IPhraseAudioStore audio, CancellationToken cancellationToken)
    {
        if (!Sessions.SessionIds.IsValid(id))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.InvalidSessionId, "Session ids look like 'adjective-noun-123'.");
        }

        if (string.IsNullOrWhiteSpace(targetLanguage))
        {
            return JsonBody.Invalid("targetLanguage is required.");
        }

        var bytes = long.TryParse(seq, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? await audio.TryReadAsync(id, number, targetLanguage.Trim(), cancellationToken)
            : null;
        return bytes is null
            ? Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.AudioNotFound, "No audio for this phrase and language (unknown or expired).")
            : TypedResults.File(bytes, "audio/mpeg");
    }

    /// <summary>The catalog's spelling of the wanted language, the source if none was asked for, null if not offered.</summary>
    private static string? ResolveLanguage(SessionRecord session, string? wanted, ILanguageCatalog languages)
    {
        if (string.IsNullOrWhiteSpace(wanted) || string.Equals(wanted.Trim(), session.SourceLanguage, StringComparison.OrdinalIgnoreCase))
        {
            return session.SourceLanguage;
        }

        return languages.TargetsFor(session.SourceLanguage).FirstOrDefault(l => string.Equals(l.Code, wanted.Trim(), StringComparison.OrdinalIgnoreCase))?.Code;
    }

    private static async Task<List<TranscriptLine>> LoadAsync(SessionRecord session, string language, ITranscriptStore transcripts, CancellationToken cancellationToken)
    {
        if (language == session.SourceLanguage)
        {
            var phrases = await transcripts.GetPhrasesAsync(session.Id, cancellationToken);
            return phrases.Select(p => new TranscriptLine(p.Seq, p.StartMs, p.EndMs, p.SourceText)).ToList();
        }

        var lines = new List<TranscriptLine>();
        var after = -1L;
        while (true)
        {
            var page = await transcripts.GetTranslationsAsync(session.Id, language, after, TranslationPageSize, cancellationToken);
            lines.AddRange(page.Select(t => new TranscriptLine(t.Seq, t.StartMs, t.EndMs, t.Text)));
            if (page.Count < TranslationPageSize)
            {
                return lines;
            }

            after = page[^1].Seq;
        }
    }
}
