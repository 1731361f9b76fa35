using System.Globalization;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Tests.Domain.Stellar;

/// <summary>Every payment of the shared vectors, made from its fields, matches the official library byte for byte:
/// unsigned envelope, hash, signature and signed envelope; and each signed envelope reads back to those fields.</summary>
[Trait("Category", "Domain")]
public class PaymentVectorTests
{
    public static TheoryData<string> Names() => StellarVectors.PaymentNames();

    [Theory]
    [MemberData(nameof(Names))]
    public void The_unsigned_envelope_matches(string name)
    {
        var v = StellarVectors.Payment(name);
        var unsigned = new PaymentEnvelope(StellarVectors.Transaction(v), []);

        Assert.Equal(v.Text("unsignedEnvelopeXdr"), PaymentXdr.ToBase64(unsigned));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_hash_matches(string name)
    {
        var v = StellarVectors.Payment(name);

        Assert.Equal(v.Text("hashHex"), TransactionHash.ComputeHex(StellarVectors.Transaction(v), v.Text("networkPassphrase")));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_signature_and_the_signed_envelope_match(string name)
    {
        var v = StellarVectors.Payment(name);
        using var signer = StellarSigner.FromSeed(v.Text("sourceSeed"));

        var envelope = signer.Sign(StellarVectors.Transaction(v), v.Text("networkPassphrase"));

        Assert.Equal(v.Text("sourceAccount"), signer.AccountId);
        Assert.Equal(v.Text("signatureHintHex"), Convert.ToHexStringLower(Assert.Single(envelope.Signatures).Hint));
        Assert.Equal(v.Text("signedEnvelopeXdr"), PaymentXdr.ToBase64(envelope));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_signed_envelope_reads_back_to_its_fields_and_writes_again_unchanged(string name)
    {
        var v = StellarVectors.Payment(name);

        var envelope = PaymentXdr.FromBase64(v.Text("signedEnvelopeXdr"));

        var tx = envelope.Transaction;
        Assert.Equal(StellarVectors.Transaction(v), tx);
        Assert.Equal(v.Text("amountStroops"), tx.Payment.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(v.Text("amount"), CultureInfo.InvariantCulture), Stroops.ToDecimal(tx.Payment.Amount));
        Assert.Equal(v.Text("signedEnvelopeXdr"), PaymentXdr.ToBase64(envelope));
        var signature = Assert.Single(envelope.Signatures);
        Assert.True(StellarSigner.Verify(tx.SourceAccount, TransactionHash.Compute(tx, v.Text("networkPassphrase")), signature.Signature));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_signature_for_another_network_does_not_verify(string name)
    {
        var v = StellarVectors.Payment(name);
        var envelope = PaymentXdr.FromBase64(v.Text("signedEnvelopeXdr"));
        var other = v.Text("networkPassphrase") == StellarNetwork.PublicPassphrase ? StellarNetwork.TestnetPassphrase : StellarNetwork.PublicPassphrase;

        var hash = TransactionHash.Compute(envelope.Transaction, other);

        Assert.False(StellarSigner.Verify(envelope.Transaction.SourceAccount, hash, envelope.Signatures[0].Signature));
    }
}
