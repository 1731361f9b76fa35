using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Features.Stellar;

/// <summary>
/// The issuing account's signer, made once from Stellar:IssuerSeed. The seed goes from the settings into NSec's key and
/// nowhere else. In Simulated mode without a seed, a fixed key of the simulated network signs: it guards nothing, since
/// only the in-process network knows its account.
/// </summary>
public sealed class IssuerKey(IOptions<StellarOptions> options) : IDisposable
{
    /// <summary>The simulated network's issuing key: SHA-256 of this text, public so the demo can name its account.</summary>
    public const string SimulatedSeedText = "opsconsole simulated issuer";

    readonly Lazy<StellarSigner> signer = new(() => options.Value.IssuerSeed is { Length: > 0 } seed
        ? StellarSigner.FromSeed(seed)
        : options.Value.Mode == StellarMode.Simulated
            ? StellarSigner.FromRawSeed(SHA256.HashData(Encoding.UTF8.GetBytes(SimulatedSeedText)))
            : throw new InvalidOperationException($"{StellarOptions.Section}:IssuerSeed is not set."));

    public StellarSigner Signer => signer.Value;

    public string AccountId => Signer.AccountId;

    /// <summary>The account of the simulated network's issuing key.</summary>
    public static string SimulatedAccountId()
    {
        using var simulated = StellarSigner.FromRawSeed(SHA256.HashData(Encoding.UTF8.GetBytes(SimulatedSeedText)));
        return simulated.AccountId;
    }

    public void Dispose()
    {
        if (signer.IsValueCreated)
            signer.Value.Dispose();
    }
}
