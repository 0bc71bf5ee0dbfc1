using System.Net.Http.Headers;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Glossaries;

/// <summary>A real server with small glossary limits, shared by the glossary API tests; each test makes its own speakers.</summary>
public sealed class GlossaryServerFixture : IAsyncLifetime
{
    public const int MaxEntries = 4;
    public const int MaxTermLength = 30;
    public const int MaxGlossaries = 3;
    public const int MaxPerSession = 2;

    private BabelcastTestServer? _server;
    private int _speakers;

    public BabelcastTestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:RateLimits:Token:PermitLimit"] = "1000",
            ["Babelcast:RateLimits:SessionCreate:PermitLimit"] = "1000",
            ["Babelcast:Glossary:MaxEntries"] = MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Babelcast:Glossary:MaxTermLength"] = MaxTermLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Babelcast:Glossary:MaxGlossariesPerOwner"] = MaxGlossaries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Babelcast:Glossary:MaxGlossariesPerSession"] = MaxPerSession.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>A new speaker account and its token.</summary>
    public async Task<string> SpeakerAsync()
    {
        var name = "glossary-speaker-" + Interlocked.Increment(ref _speakers);
        const string password = "speaker-password-1";
        var users = Server.Services.GetRequiredService<IUserStore>();
        await users.TryCreateAsync(new UserRecord(name, PasswordHasher.Hash(password), DateTimeOffset.UnixEpoch), CancellationToken.None);
        return await Server.GetTokenAsync(name, password);
    }

    public HttpClient Client(string? token = null)
    {
        var client = Server.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GlossaryServerCollection : ICollectionFixture<GlossaryServerFixture>
{
    public const string Name = "glossary-server";
}
