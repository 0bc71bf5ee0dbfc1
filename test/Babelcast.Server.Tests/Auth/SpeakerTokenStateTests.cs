using Babelcast.Core.Storage;
using Babelcast.Server.Tests.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Babelcast.Server.Tests.Auth;

/// <summary><c>/ws/speak</c> refuses tokens whose user is gone or disabled, like the HTTP endpoints.</summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class SpeakerTokenStateTests(WebSocketServerFixture fx)
{
    [Fact]
    public async Task Speak_TokenOfUnknownUser_RefusedUnauthorized()
    {
        var id = await fx.CreateSessionAsync();
        var token = TestTokens.Create(TestTokens.ServerKey(fx.Server.DataDirectory), SecurityAlgorithms.HmacSha256, "ghost-speaker", DateTime.UtcNow.AddHours(1));
        await using var speaker = await fx.ConnectAsync($"/ws/speak?sessionId={id}&token={token}");
        await SocketAssert.RefusedAsync(speaker, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Speak_OwnerDisabledAfterIssue_RefusedUnauthorized()
    {
        var users = fx.Server.Services.GetRequiredService<IUserStore>();
        const string password = "ws-disabled-password";
        await users.TryCreateAsync(new UserRecord("ws-disabled", Server.Auth.PasswordHasher.Hash(password), DateTimeOffset.UnixEpoch), CancellationToken.None);
        var token = await fx.Server.GetTokenAsync("ws-disabled", password);
        var id = await fx.Server.CreateSessionAsync(token);

        await users.SetDisabledAsync("ws-disabled", true, CancellationToken.None);

        await using var speaker = await fx.ConnectAsync($"/ws/speak?sessionId={id}&token={token}");
        await SocketAssert.RefusedAsync(speaker, "UNAUTHORIZED");
    }
}
