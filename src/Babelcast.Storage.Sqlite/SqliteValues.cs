using Babelcast.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Babelcast.Storage.Sqlite;

/// <summary>Conversions between records and columns: instants as Unix milliseconds, status as lower-case text.</summary>
internal static class SqliteValues
{
    public static long ToUnixMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static object ToUnixMsOrNull(DateTimeOffset? value) => value is { } v ? v.ToUnixTimeMilliseconds() : DBNull.Value;

    public static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

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

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static void Add(this SqliteParameterCollection parameters, string name, object? value) =>
        parameters.AddWithValue(name, value ?? DBNull.Value);
}
