using OpsConsole.Domain.Stellar;

namespace OpsConsole.Tests.Domain.Stellar;

[Trait("Category", "Domain")]
public class StellarSignerTests
{
    [Fact]
    public void Each_vector_seed_gives_its_account_and_hint()
    {
        foreach (var v in StellarVectors.Root.GetProperty("strKeys").EnumerateArray())
        {
            using var signer = StellarSigner.FromSeed(v.Text("seed"));
            Assert.Equal((v.Text("accountId"), v.Text("rawPublicKeyHex")), (signer.AccountId, Convert.ToHexStringLower(signer.PublicKey)));
        }
        foreach (var p in StellarVectors.Payments)
        {
            using var signer = StellarSigner.FromSeed(p.Text("sourceSeed"));
            Assert.Equal(p.Text("sourceAccount"), signer.AccountId);
            Assert.Equal(p.Text("sourceRawPublicKeyHex"), Convert.ToHexStringLower(signer.PublicKey));
            Assert.Equal(p.Text("signatureHintHex"), Convert.ToHexStringLower(signer.Hint));
        }
    }

    [Fact]
    public void A_signature_verifies_for_its_data_and_key_only()
    {
        var p = StellarVectors.Payments.First();
        using var signer = StellarSigner.FromSeed(p.Text("sourceSeed"));
        var data = "hash to sign"u8.ToArray();

        var signature = signer.Sign(data);

        Assert.Equal(64, signature.Length);
        Assert.True(StellarSigner.Verify(signer.AccountId, data, signature));
        Assert.False(StellarSigner.Verify(signer.AccountId, "other data"u8, signature));
        Assert.False(StellarSigner.Verify(p.Text("destination"), data, signature));
        signature[0] ^= 1;
        Assert.False(StellarSigner.Verify(signer.AccountId, data, signature));
    }

    [Fact]
    public void A_signer_shows_its_account_and_never_its_seed()
    {
        var p = StellarVectors.Payments.First();
        var seed = p.Text("sourceSeed");
        using var signer = StellarSigner.FromSeed(seed);

        Assert.Contains(p.Text("sourceAccount"), signer.ToString());
        Assert.DoesNotContain(seed, signer.ToString());
    }

    [Fact]
    public void A_bad_seed_is_refused_with_its_fault_and_without_its_text()
    {
        var seed = StellarVectors.Payments.First().Text("sourceSeed");
        var broken = seed[..10] + (seed[10] == 'A' ? 'B' : 'A') + seed[11..];

        var error = Assert.Throws<StrKeyException>(() => StellarSigner.FromSeed(broken));

        Assert.Equal(StrKeyFault.Checksum, error.Fault);
        Assert.DoesNotContain(broken, error.Message);
        Assert.DoesNotContain(broken[..20], error.Message);
    }
}
