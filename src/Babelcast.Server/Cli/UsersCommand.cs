using Babelcast.Core.Storage;
using Babelcast.Server.Auth;

namespace Babelcast.Server.Cli;

/// <summary>
/// <c>babelcast users add NAME [--password P | --password-stdin]</c> and <c>babelcast users list</c>. Other
/// <c>--key value</c> arguments are configuration (as for the server), e.g. <c>--Babelcast:DataDirectory /srv/babelcast</c>.
/// Exit codes: 0 done, 1 refused (invalid or taken name, weak password), 2 usage error.
/// </summary>
public static class UsersCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public const string Usage = """
        Usage:
          babelcast users add NAME [--password PASSWORD | --password-stdin]   (default: the password is read from stdin)
          babelcast users list
        Options such as --Babelcast:DataDirectory DIR select the data directory, as for the server.
        """;

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            await (args.Length == 0 ? stderr : stdout).WriteLineAsync(Usage);
            return args.Length == 0 ? UsageError : Success;
        }

        if (!UsersArguments.TryParse(args, out var parsed, out var problem))
        {
            await stderr.WriteLineAsync("error: " + problem);
            await stderr.WriteLineAsync(Usage);
            return UsageError;
        }

        try
        {
            await using var store = await CliStore.OpenAsync(parsed.ConfigurationArgs, ct);
            return parsed.Verb == "add"
                ? await AddAsync(parsed, store.Users, store.TimeProvider, stdin, stdout, stderr, ct)
                : await ListAsync(store.Users, stdout, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException
            or Microsoft.Extensions.Options.OptionsValidationException or System.Data.Common.DbException)
        {
            await stderr.WriteLineAsync("error: " + e.Message);
            return Failure;
        }
    }

    private static async Task<int> AddAsync(
        UsersArguments args, IUserStore users, TimeProvider timeProvider, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (Credentials.ValidateUsername(args.Username) is { } nameProblem)
        {
            await stderr.WriteLineAsync($"error: invalid username '{args.Username}': {nameProblem}");
            return Failure;
        }

        var password = args.Password;
        if (password is null)
        {
            password = await stdin.ReadLineAsync(ct);
            if (password is null)
            {
                await stderr.WriteLineAsync("error: no password on standard input (pipe it in, or use --password).");
                return Failure;
            }
        }

        if (Credentials.ValidatePassword(password) is { } passwordProblem)
        {
            await stderr.WriteLineAsync("error: " + passwordProblem);
            return Failure;
        }

        var user = new UserRecord(args.Username!, PasswordHasher.Hash(password), timeProvider.GetUtcNow());
        if (!await users.TryCreateAsync(user, ct))
        {
            await stderr.WriteLineAsync($"error: the user '{args.Username}' already exists.");
            return Failure;
        }

        await stdout.WriteLineAsync($"Created speaker '{args.Username}'.");
        return Success;
    }

    private static async Task<int> ListAsync(IUserStore users, TextWriter stdout, CancellationToken ct)
    {
        foreach (var user in await users.ListAsync(ct))
        {
            await stdout.WriteLineAsync($"{user.Username}\t{user.CreatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
        }

        return Success;
    }
}
