using System.Security.Cryptography;

namespace Babelcast.Server.Auth;

/// <summary>Rules for usernames and passwords, shared by the CLI, the bootstrap and the token endpoint.</summary>
public static class Credentials
{
    public const int MinUsernameLength = 2;
    public const int MaxUsernameLength = 64;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 1024;

    /// <summary>Null if valid, else why not.</summary>
    public static string? ValidateUsername(string? username)
    {
        if (string.IsNullOrEmpty(username) || username.Length < MinUsernameLength || username.Length > MaxUsernameLength)
        {
            return $"The username must be {MinUsernameLength} to {MaxUsernameLength} characters long.";
        }

        foreach (var c in username)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-'))
            {
                return "The username may hold only lower-case letters a-z, digits and . _ -";
            }
        }

        return null;
    }

    /// <summary>Null if valid, else why not.</summary>
    public static string? ValidatePassword(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            return $"The password must be at least {MinPasswordLength} characters long.";
        }

        return password.Length > MaxPasswordLength ? $"The password must be at most {MaxPasswordLength} characters long." : null;
    }

    /// <summary>A strong random password (24 characters from a 57-character alphabet, about 140 bits).</summary>
    public static string GeneratePassword()
    {
        // No look-alike characters (0/O, 1/l/I), so that it can be typed from a log line.
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 24);
    }
}
