using System.Security.Cryptography;
using System.Text;

namespace OpsConsole.Domain.Stellar;

/// <summary>A Stellar network is named by its passphrase; its id is the passphrase's SHA-256.</summary>
public static class StellarNetwork
{
    public const string TestnetPassphrase = "Test SDF Network ; September 2015";
    public const string PublicPassphrase = "Public Global Stellar Network ; September 2015";

    public static byte[] Id(string passphrase) => SHA256.HashData(Encoding.UTF8.GetBytes(passphrase));
}
