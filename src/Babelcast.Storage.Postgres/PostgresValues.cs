using Babelcast.Core.Storage;
using Npgsql;

namespace Babelcast.Storage.Postgres;

/// <summary>Conversions between records and columns: instants as timestamptz (UTC), status as lower-case text.</summary>
internal static class PostgresValues
{
    // Npgsql writes only UTC offsets to timestamptz.
    public static DateTimeOffset ToUtc(DateTimeOffset value) => value.ToUniversalTime();

    public static object ToUtcOrNull(DateTimeOffset? value) => value is { } v ? v.ToUniversalTime() : DBNull.Value;

    public static string ToText(SessionStatus status) => status switch
    {
        SessionStatus.Active => "active",
        SessionStatus.Paused => "paused",
        SessionStatus.Ended => "ended",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown session status."),
    };

    public static SessionStatus StatusFromText(string text) => text switch
    {
        "active" => SessionStatus.Active,
        "paused" => SessionStatus.Paused,
        "ended" => SessionStatus.Ended,
        _ => throw new InvalidDataException($"Unknown session status '{text}' in the database."),
    };

    public static DateTimeOffset GetInstant(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? GetNullableInstant(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static string? GetNullableString(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static void Add(this NpgsqlParameterCollection parameters, string name, object? value) =>
        parameters.AddWithValue(name, value ?? DBNull.Value);
}
