using System.Security.Cryptography;
using NSec.Cryptography;

namespace OpsConsole.Domain.Stellar;

/// <summary>
/// An Ed25519 key made from a secret seed (S…), signing transaction hashes. It keeps the key in NSec's protected
/// memory, never exports it, and names itself by its account id only, so that no log or message can carry the seed.
/// </summary>
public sealed class StellarSigner : IDisposable
{
    static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    readonly Key key;

    StellarSigner(Key key)
    {
        this.key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        AccountId = StrKey.EncodeAccountId(PublicKey);
    }

    public byte[] PublicKey { get; }
    public string AccountId { get; }

    /// <summary>The signature hint: the last 4 bytes of the public key.</summary>
    public ReadOnlySpan<byte> Hint => PublicKey.AsSpan(^4);

    /// <summary>A signer for the seed; a <see cref="StrKeyException"/> (which never repeats the seed) when it is none.</summary>
    public static StellarSigner FromSeed(string seed)
    {
        var raw = StrKey.DecodeSeed(seed);
        try
        {
            return FromRawSeed(raw);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    public static StellarSigner FromRawSeed(ReadOnlySpan<byte> seed) =>
        new(Key.Import(Ed25519, seed, KeyBlobFormat.RawPrivateKey));

    public byte[] Sign(ReadOnlySpan<byte> data) => Ed25519.Sign(key, data);

    /// <summary>The transaction signed for the network: one decorated signature over its hash.</summary>
    public PaymentEnvelope Sign(PaymentTransaction transaction, string networkPassphrase) =>
        new(transaction, [new DecoratedSignature(Hint, Sign(TransactionHash.Compute(transaction, networkPassphrase)))]);

    /// <summary>Whether <paramref name="signature"/> is the account's Ed25519 signature of <paramref name="data"/>.</summary>
    public static bool Verify(string accountId, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var publicKey = NSec.Cryptography.PublicKey.Import(Ed25519, StrKey.DecodeAccountId(accountId), KeyBlobFormat.RawPublicKey);
        return Ed25519.Verify(publicKey, data, signature);
    }

    public override string ToString() => $"signer {AccountId}";

    public void Dispose() => key.Dispose();
}
