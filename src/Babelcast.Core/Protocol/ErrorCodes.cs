namespace Babelcast.Core.Protocol;

/// <summary>
/// Every stable error <c>code</c> of the protocol: in HTTP problems, in WebSocket <c>error</c> messages and in the
/// <c>babelcast_errors_total{code}</c> metric. docs/protocol.md lists each one (a test keeps them in step).
/// </summary>
public static class ErrorCodes
{
    /// <summary>HTTP 400: the request body or a parameter is missing, malformed or of the wrong type.</summary>
    public const string ValidationFailed = "VALIDATION_FAILED";

    /// <summary>HTTP 401: the username or password is wrong.</summary>
    public const string InvalidCredentials = "INVALID_CREDENTIALS";

    /// <summary>HTTP 401 or WebSocket refusal: a speaker request without a valid token.</summary>
    public const string Unauthorized = "UNAUTHORIZED";

    /// <summary>HTTP 403 or WebSocket refusal: the caller is not the session's owner.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>HTTP 404: no API route matches the path.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>HTTP 400 or WebSocket error: the language is not offered; the supported list comes with it.</summary>
    public const string UnsupportedLanguage = "UNSUPPORTED_LANGUAGE";

    /// <summary>HTTP 400: an unknown quality tier.</summary>
    public const string InvalidQualityTier = "INVALID_QUALITY_TIER";

    /// <summary>
    /// HTTP 409: a premium session (create or PATCH) on a server with no premium engine configured; refused rather than
    /// served by the standard engines.
    /// </summary>
    public const string PremiumTierUnavailable = "PREMIUM_TIER_UNAVAILABLE";

    /// <summary>HTTP 400: a session status the request may not set.</summary>
    public const string InvalidStatus = "INVALID_STATUS";

    /// <summary>HTTP 400 or WebSocket refusal: the session id is not of the form adjective-noun-NNN.</summary>
    public const string InvalidSessionId = "INVALID_SESSION_ID";

    /// <summary>HTTP 404 or WebSocket refusal: no session has this id.</summary>
    public const string SessionNotFound = "SESSION_NOT_FOUND";

    /// <summary>HTTP 409 or WebSocket refusal: the session has ended.</summary>
    public const string SessionEnded = "SESSION_ENDED";

    /// <summary>
    /// HTTP 503 or WebSocket refusal: the node already carries as many speaking sessions as it can
    /// (<c>Babelcast:Capacity</c>); a retry-after comes with it. A speaker reconnecting to its own session is never refused.
    /// </summary>
    public const string CapacityExceeded = "CAPACITY_EXCEEDED";

    /// <summary>HTTP 400: an unknown transcript export format.</summary>
    public const string InvalidFormat = "INVALID_FORMAT";

    /// <summary>HTTP 404: the phrase audio is unknown or past its retention.</summary>
    public const string AudioNotFound = "AUDIO_NOT_FOUND";

    /// <summary>HTTP 429 or WebSocket refusal: too many requests; a retry-after comes with it.</summary>
    public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";

    /// <summary>HTTP 503: no unused session id could be found.</summary>
    public const string SessionIdExhausted = "SESSION_ID_EXHAUSTED";

    /// <summary>HTTP 400: the Host header is too long or not a valid host.</summary>
    public const string InvalidHost = "INVALID_HOST";

    /// <summary>HTTP 413: the request body is larger than the limit, whatever its transfer encoding.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>HTTP 400: the request body could not be read (e.g. malformed chunked encoding).</summary>
    public const string MalformedRequest = "MALFORMED_REQUEST";

    /// <summary>HTTP 500: the join link does not fit in a QR code.</summary>
    public const string JoinLinkTooLong = "JOIN_LINK_TOO_LONG";

    /// <summary>HTTP 500: an unexpected failure; the problem carries a trace id, never details.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>HTTP 400: a plain HTTP request to a WebSocket endpoint.</summary>
    public const string WebSocketRequired = "WEBSOCKET_REQUIRED";

    /// <summary>WebSocket refusal: no <c>sessionId</c> query parameter.</summary>
    public const string MissingSessionId = "MISSING_SESSION_ID";

    /// <summary>WebSocket refusal: a listener without a <c>targetLanguage</c> query parameter.</summary>
    public const string MissingTargetLanguage = "MISSING_TARGET_LANGUAGE";

    /// <summary>WebSocket refusal: the session has reached its listener cap.</summary>
    public const string SessionFull = "SESSION_FULL";

    /// <summary>WebSocket error: a text or binary message over its size limit.</summary>
    public const string MessageTooLarge = "MESSAGE_TOO_LARGE";

    /// <summary>WebSocket error: an empty or odd-length audio frame.</summary>
    public const string InvalidAudioFrame = "INVALID_AUDIO_FRAME";

    /// <summary>WebSocket error: malformed JSON, no string <c>type</c>, or a bad field.</summary>
    public const string InvalidMessage = "INVALID_MESSAGE";

    /// <summary>WebSocket error: a <c>type</c> this endpoint does not accept.</summary>
    public const string UnknownMessageType = "UNKNOWN_MESSAGE_TYPE";

    /// <summary>WebSocket error: a listener, or a co-operator's control connection, sent a binary frame (audio).</summary>
    public const string AudioNotAllowed = "AUDIO_NOT_ALLOWED";

    /// <summary>WebSocket error: a replaced speaker connection kept sending.</summary>
    public const string NotConnected = "NOT_CONNECTED";

    /// <summary>WebSocket error: the session's audio queue is full and the frame was dropped.</summary>
    public const string IngestOverloaded = "INGEST_OVERLOADED";

    /// <summary>WebSocket error: another connection of the owner took over the session.</summary>
    public const string SpeakerReplaced = "SPEAKER_REPLACED";

    /// <summary>Metric only: a listener whose send queue filled was disconnected.</summary>
    public const string SlowConsumer = "SLOW_CONSUMER";

    /// <summary>WebSocket error to the speaker: one language of a phrase failed (translation, synthesis or encoding threw).</summary>
    public const string PipelineLanguageFailed = "PIPELINE_LANGUAGE_FAILED";

    /// <summary>WebSocket error to the speaker: a pipeline stage threw on a phrase; that phrase is dropped, the next one goes on.</summary>
    public const string PipelineStageFailed = "PIPELINE_STAGE_FAILED";

    /// <summary>
    /// WebSocket error to the speaker: the store refused a write (read-only database, full disk). Captions and audio go
    /// on live; unsaved transcript writes are kept and retried, and a phrase that cannot be saved is named.
    /// </summary>
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";

    /// <summary>A cluster node cannot reach the cluster's Redis, so it cannot take a speaker's audio (close 1013, retry).</summary>
    public const string ClusterUnavailable = "CLUSTER_UNAVAILABLE";

    /// <summary>Metric only: the translator returned a failure; the phrase gets no text in that language.</summary>
    public const string TranslationFailed = "TRANSLATION_FAILED";

    /// <summary>Metric only: an MP3 stream client fell too far behind live and the oldest waiting phrase was skipped.</summary>
    public const string StreamPhraseSkipped = "STREAM_PHRASE_SKIPPED";

    /// <summary>WebSocket error to the speaker: a correction names a phrase that is unknown, not stored yet, or older than the last ones that may be corrected.</summary>
    public const string PhraseNotCorrectable = "PHRASE_NOT_CORRECTABLE";

    /// <summary>WebSocket error to the speaker: a correction's text is longer than <c>Babelcast:Corrections:MaxLength</c>.</summary>
    public const string CorrectionTooLong = "CORRECTION_TOO_LONG";

    /// <summary>WebSocket error to the speaker: more corrections in a minute than <c>Babelcast:Corrections:MaxPerMinute</c>; a retry-after comes with it.</summary>
    public const string CorrectionRateExceeded = "CORRECTION_RATE_EXCEEDED";

    /// <summary>HTTP 400: the Bible reference cannot be read, names no book, or lies outside the book (e.g. John 33:1); the detail says which.</summary>
    public const string InvalidScriptureReference = "INVALID_SCRIPTURE_REFERENCE";

    /// <summary>HTTP 404: no installed Bible is in the requested language; the caller machine-translates the English text instead.</summary>
    public const string NoBibleForLanguage = "NO_BIBLE_FOR_LANGUAGE";

    /// <summary>HTTP 404: the chosen Bible has no text for the passage (its verse numbering differs).</summary>
    public const string PassageNotInBible = "PASSAGE_NOT_IN_BIBLE";

    /// <summary>HTTP 503: the Bible could not be read (the reader failed or timed out); retry later.</summary>
    public const string ScriptureUnavailable = "SCRIPTURE_UNAVAILABLE";

    /// <summary>Speaker socket: the passage has more verses than one live send may carry (<c>LiveScripture.MaxVerses</c>); send a shorter range.</summary>
    public const string ScripturePassageTooLong = "SCRIPTURE_PASSAGE_TOO_LONG";

    /// <summary>HTTP 413: prepared text over the limits (bytes, lines, characters per line); the detail names the limit.</summary>
    public const string ScriptTooLarge = "SCRIPT_TOO_LARGE";

    /// <summary>Speaker socket and HTTP 404: the session has no prepared text, or no line with that index.</summary>
    public const string CueNotFound = "CUE_NOT_FOUND";

    /// <summary>HTTP 404: no glossary has this id (or the id is malformed).</summary>
    public const string GlossaryNotFound = "GLOSSARY_NOT_FOUND";

    /// <summary>HTTP 400: more entries than a glossary may hold, or more glossaries than a session may use.</summary>
    public const string GlossaryTooLarge = "GLOSSARY_TOO_LARGE";

    /// <summary>HTTP 400: a glossary term or "sounds like" spelling with too many characters or words, or a rendering too long.</summary>
    public const string GlossaryTermTooLong = "GLOSSARY_TERM_TOO_LONG";

    /// <summary>HTTP 409: the speaker already keeps as many glossaries as an account may.</summary>
    public const string GlossaryLimitReached = "GLOSSARY_LIMIT_REACHED";

    /// <summary>HTTP 400: an imported CSV cannot be read (bad header, unclosed quote, too many fields); the detail names the line.</summary>
    public const string GlossaryCsvInvalid = "GLOSSARY_CSV_INVALID";

    /// <summary>HTTP 404: no local account has this username (inviting a co-operator).</summary>
    public const string UserNotFound = "USER_NOT_FOUND";

    /// <summary>HTTP 400: the owner tried to invite their own account as a co-operator.</summary>
    public const string CannotInviteSelf = "CANNOT_INVITE_SELF";

    /// <summary>HTTP 409: the session already has as many co-operators as allowed (<c>Babelcast:CoOperators:MaxPerSession</c>).</summary>
    public const string OperatorLimitReached = "OPERATOR_LIMIT_REACHED";

    /// <summary>HTTP 404: the user named is not a co-operator of the session.</summary>
    public const string OperatorNotFound = "OPERATOR_NOT_FOUND";

    /// <summary>Speaker socket: the owner revoked this co-operator's invitation; the connection is closed after it.</summary>
    public const string OperatorRevoked = "OPERATOR_REVOKED";
}
