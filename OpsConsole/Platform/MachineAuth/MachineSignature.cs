using System.Security.Cryptography;
using System.Text;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// The machine-client signature contract: lowercase hex HMAC-SHA256(secret, METHOD \n path-and-query \n timestamp \n
/// lowercase hex SHA-256(body)). Pure, so clients, tests and benchmarks sign exactly as the server checks.
/// </summary>
public static class MachineSignature
{
    public const string KeyHeader = "X-Ops-Key";
    public const string TimestampHeader = "X-Ops-Timestamp";
    public const string SignatureHeader = "X-Ops-Signature";

    /// <summary>How far a request's timestamp may be from server time, either way.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static string BodyHash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    public static string StringToSign(string method, string pathAndQuery, string timestamp, string bodyHash) =>
        $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{timestamp}\n{bodyHash}";

    public static string Compute(string secret, string method, string pathAndQuery, string timestamp, string bodyHash) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(StringToSign(method, pathAndQuery, timestamp, bodyHash))));

    public static string Compute(string secret, string method, string pathAndQuery, long unixSeconds, ReadOnlySpan<byte> body) =>
        Compute(secret, method, pathAndQuery, unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), BodyHash(body));

    /// <summary>Constant-time comparison of a received signature (hex, any case) with the expected one.</summary>
    public static bool Matches(string expectedHex, string receivedHex)
    {
        if (receivedHex.Length != expectedHex.Length)
            return false;
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(expectedHex), Convert.FromHexString(receivedHex));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
