using System.Globalization;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Server.Hosting;

namespace Babelcast.Server.Endpoints;

internal static class TokenEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/token", IssueAsync).RequireRateLimiting(RateLimitPolicies.Token).AllowAnonymous();

    private static async Task<IResult> IssueAsync(
        HttpContext context, IUserStore users, TokenIssuer issuer, LoginLockout lockout, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (request, error) = await JsonBody.ReadAsync<TokenRequest>(context.Request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrEmpty(request!.Username) || string.IsNullOrEmpty(request.Password))
        {
            return JsonBody.Invalid("username and password are required.");
        }

        var logger = loggers.CreateLogger(typeof(TokenEndpoints));
        if (await lockout.RetryAfterAsync(request.Username, cancellationToken) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Problems.Create(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimitExceeded,
                $"Too many failed sign-ins for this account; retry after {seconds} s.", new Dictionary<string, object?> { ["retryAfter"] = seconds });
        }

        var user = Credentials.ValidateUsername(request.Username) is null ? await users.FindAsync(request.Username, cancellationToken) : null;
        if (user is null)
        {
            PasswordHasher.VerifyDummy(request.Password);
        }

        // A disabled account answers exactly like a wrong password.
        if (user is null || !PasswordHasher.Verify(request.Password, user.PasswordHash) || user.Disabled)
        {
            if (Credentials.ValidateUsername(request.Username) is null)
            {
                await lockout.RecordFailureAsync(request.Username, cancellationToken);
            }

            HttpLog.InvalidCredentials(logger, request.Username.Length > Credentials.MaxUsernameLength ? "(too long)" : request.Username);
            return Problems.Create(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidCredentials, "Unknown username or wrong password.");
        }

        await lockout.RecordSuccessAsync(request.Username, cancellationToken);
        var token = issuer.Issue(user);
        HttpLog.TokenIssued(logger, user.Username);
        return TypedResults.Ok(new TokenResponse(token.AccessToken, "Bearer", token.ExpiresInSeconds));
    }
}
