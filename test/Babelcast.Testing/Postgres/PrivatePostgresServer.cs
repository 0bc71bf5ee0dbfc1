using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace Babelcast.Testing.Postgres;

/// <summary>
/// A private PostgreSQL 15 cluster for tests: <c>initdb</c> into a temporary directory, <c>pg_ctl start</c> on a free
/// loopback port with its unix socket in that directory and fsync off, a role and database for the tests; stopped
/// (<c>pg_ctl -m fast stop</c>) and deleted on dispose, also when start-up fails half-way. PostgreSQL refuses to run as
/// root, so a root test run starts it as the <c>postgres</c> user through <c>runuser</c>.
/// </summary>
public sealed class PrivatePostgresServer : IAsyncLifetime
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    public const string Role = "babel";
    public const string Database = "babelcast";

    private const string SystemUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _password = Guid.NewGuid().ToString("N");
    private DirectoryInfo? _directory;
    private bool _started;

    public int Port { get; private set; }

    /// <summary>Where the unix socket lives (also the Host to give Npgsql for a socket connection).</summary>
    public string SocketDirectory => _directory?.FullName ?? throw new InvalidOperationException("Not started.");

    /// <summary>TCP on 127.0.0.1, password authentication, as a deployment connects.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Database = Database, Username = Role, Password = _password,
    }.ConnectionString;

    private string DataDirectory => Path.Combine(SocketDirectory, "data");

    private static bool AsRoot => Environment.IsPrivilegedProcess;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 is not installed ({BinDirectory}/pg_ctl missing): run scripts/setup.sh, which installs postgresql-15.");
        }

        _directory = Directory.CreateTempSubdirectory("bc-pg-");
        try
        {
            if (AsRoot)
            {
                await RunAsync("chown", [$"{SystemUser}:{SystemUser}", _directory.FullName]);
            }

            var passwordFile = Path.Combine(_directory.FullName, "pwfile");
            await File.WriteAllTextAsync(passwordFile, _password + "\n");
            if (AsRoot)
            {
                await RunAsync("chown", [$"{SystemUser}:{SystemUser}", passwordFile]);
            }

            // Superuser "postgres": trust on the private socket only; TCP needs the password (scram).
            await RunAsPostgresAsync(Path.Combine(BinDirectory, "initdb"),
                ["-D", DataDirectory, "-U", SystemUser, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
                 "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile", passwordFile]);
            File.Delete(passwordFile);
            await StartOnFreePortAsync();
            await CreateRoleAndDatabaseAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>An empty schema owned by the test role, and a connection string whose search path puts tables in it.</summary>
    public async Task<string> CreateSchemaAsync(CancellationToken cancellationToken = default)
    {
        var schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema};", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            _started = false;
            try
            {
                await RunAsPostgresAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Already gone (crashed or stopped by hand): deleting the directory below is all that is left.
            }
        }

        if (_directory is { Exists: true })
        {
            _directory.Delete(recursive: true);
        }
    }

    private async Task StartOnFreePortAsync()
    {
        // A port found free can be taken before postgres binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var log = Path.Combine(SocketDirectory, "server.log");
            try
            {
                await RunAsPostgresAsync(Path.Combine(BinDirectory, "pg_ctl"),
                    ["-D", DataDirectory, "-l", log, "-w", "-t", "60", "-o",
                     $"-c listen_addresses=127.0.0.1 -p {Port} -k {SocketDirectory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                     "start"]);
                _started = true;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    private async Task CreateRoleAndDatabaseAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = SocketDirectory, Port = Port, Database = "postgres", Username = SystemUser, Pooling = false,
        }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        foreach (var sql in new[]
        {
            $"CREATE ROLE {Role} LOGIN PASSWORD '{_password}'",
            $"CREATE DATABASE {Database} OWNER {Role}",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string executable, IReadOnlyList<string> arguments) =>
        AsRoot ? RunAsync("runuser", ["-u", SystemUser, "--", executable, .. arguments]) : RunAsync(executable, arguments);

    private static async Task RunAsync(string executable, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            // initdb and pg_ctl resolve relative paths and write files from here: never the test's working directory.
            WorkingDirectory = "/",
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} did not finish within {CommandTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{executable} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
