using Microsoft.Extensions.Options;

namespace Babelcast.Storage.Sqlite;

internal sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        var audio = options.AudioDirectory;
        if (string.IsNullOrWhiteSpace(audio) || !Path.IsPathFullyQualified(audio) || File.Exists(audio))
        {
            return ValidateOptionsResult.Fail($"{SqliteStorageOptions.SectionName}:AudioDirectory '{audio}' does not name a directory.");
        }

        var path = options.DatabasePath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return ValidateOptionsResult.Fail($"{SqliteStorageOptions.SectionName}:DatabasePath is empty.");
        }

        if (path.StartsWith(':') || path.Contains('\0', StringComparison.Ordinal))
        {
            // ":memory:" would give every pooled connection its own empty database.
            return ValidateOptionsResult.Fail($"{SqliteStorageOptions.SectionName}:DatabasePath '{path}' is not a file path.");
        }

        if (!Path.IsPathFullyQualified(path) || string.IsNullOrEmpty(Path.GetFileName(path)))
        {
            return ValidateOptionsResult.Fail($"{SqliteStorageOptions.SectionName}:DatabasePath '{path}' does not name a file.");
        }

        if (Directory.Exists(path))
        {
            return ValidateOptionsResult.Fail($"{SqliteStorageOptions.SectionName}:DatabasePath '{path}' is a directory.");
        }

        return ValidateOptionsResult.Success;
    }
}
