using System.Security.Cryptography;
using System.Text;

namespace OpsConsole.Platform.Security;

/// <summary>How a presented secret (a bearer token, a wall token) is checked against the configured one.</summary>
public static class Secrets
{
    /// <summary>Compares digests in constant time, so neither the content nor the length of the secret leaks through timing.</summary>
    public static bool Match(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
