using System.Security.Cryptography;
using System.Text;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Tests.Domain.Stellar;

/// <summary>Envelopes and hashes published in the Stellar SDKs' own tests (java-stellar-sdk, js-stellar-base).</summary>
[Trait("Category", "Domain")]
public class SdkVectorTests
{
    // js-stellar-base test/unit/fee_bump_transation_test.js: a fee bump around a signed payment on a standalone network.
    const string FeeBumpEnvelope =
        "AAAABQAAAADgSJG2GOUMy/H9lHyjYZOwyuyytH8y0wWaoc596L+bEgAAAAAAAADIAAAAAgAAAABzdv3ojkzWHMD7KUoXhrPx0GH18vHKV0ZfqpMiEblG1gAAAGQAAAAAAAAACAAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAA9IYXBweSBiaXJ0aGRheSEAAAAAAQAAAAAAAAABAAAAAOBIkbYY5QzL8f2UfKNhk7DK7LK0fzLTBZqhzn3ov5sSAAAAAAAAAASoF8gAAAAAAAAAAAERuUbWAAAAQK933Dnt1pxXlsf1B5CYn81PLxeYsx+MiV9EGbMdUfEcdDWUySyIkdzJefjpR5ejdXVp/KXosGmNUQ+DrIBlzg0AAAAAAAAAAei/mxIAAABAijIIQpL6KlFefiL4FP8UWQktWEz4wFgGNSaXe7mZdVMuiREntehi1b7MRqZ1h+W+Y0y+Z2HtMunsilT2yS5mAA==";
    const string StandalonePassphrase = "Standalone Network ; February 2017";

    // js-stellar-base test/unit/transaction_builder_test.js, "does not regress js-stellar-sdk#646": a payment with
    // a create-account operation with its own source account and no time bounds.
    const string NoTimeBoundsEnvelope =
        "AAAAAgAAAABg/GhKJU5ut52ih6Klx0ymGvsac1FPJig1CHYqyesIHQAAJxACBmMCAAAADgAAAAAAAAABAAAAATMAAAAAAAABAAAAAQAAAABg/GhKJU5ut52ih6Klx0ymGvsac1FPJig1CHYqyesIHQAAAAAAAAAAqdkSiA5dzNXstOtkPkHd6dAMPMA+MSXwK8OlrAGCKasAAAAAAcnDgAAAAAAAAAAByesIHQAAAEAuLrTfW6D+HYlUD9y+JolF1qrb40hIRATzsQaQjchKJuhOZJjLO0d7oaTD3JZ4UL4vVKtV7TvV17rQgCQnuz8F";

    [Fact]
    public void The_java_sdk_fee_bump_test_inner_payment_hash_matches()
    {
        // java-stellar-sdk FeeBumpTransactionTest.testHash: account sequence 2908908335136768, so the transaction
        // carries the next one; base fee 100; time bounds 10..11; 200 XLM to GA7Q…VSGZ on the test network.
        using var source = StellarSigner.FromSeed("SCH27VUZZ6UAKB67BDNF6FA42YMBMQCBKXWGMFD5TZ6S5ZZCZFLRXKHS");
        var tx = new PaymentTransaction(source.AccountId, 100, 2908908335136769, new TimeBounds(10, 11), StellarMemo.None,
            new PaymentOperation(null, "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ", StellarAsset.Native, Stroops.FromDecimal(200m)));

        Assert.Equal("2a8ead3351faa7797b284f59027355ddd69c21adb8e4da0b9bb95531f7f32681",
            TransactionHash.ComputeHex(tx, StellarNetwork.TestnetPassphrase));
    }

    [Fact]
    public void The_js_sdk_fee_bump_test_inner_envelope_is_made_and_signed_byte_for_byte()
    {
        var feeBump = Convert.FromBase64String(FeeBumpEnvelope);
        // Fee bump: type (4), fee source (4 + 32), fee (8), then the inner envelope with its type; after it the
        // fee bump's ext (4) and its one signature (count 4, hint 4, length 4, 64 bytes).
        var inner = feeBump[48..^80];
        // Keypair.master(passphrase): the network's root account, whose seed is the network id.
        using var master = StellarSigner.FromRawSeed(SHA256.HashData(Encoding.UTF8.GetBytes(StandalonePassphrase)));
        var tx = new PaymentTransaction(master.AccountId, 100, 8, new TimeBounds(0, 0), StellarMemo.ForText("Happy birthday!"),
            new PaymentOperation(null, "GDQERENWDDSQZS7R7WKHZI3BSOYMV3FSWR7TFUYFTKQ447PIX6NREOJM", StellarAsset.Native, Stroops.FromDecimal(2000m)));

        Assert.Equal(inner, PaymentXdr.WriteEnvelope(master.Sign(tx, StandalonePassphrase)));
        var read = PaymentXdr.ReadEnvelope(inner);
        Assert.Equal(tx, read.Transaction);
        Assert.True(StellarSigner.Verify(master.AccountId, TransactionHash.Compute(read.Transaction, StandalonePassphrase), read.Signatures[0].Signature));
    }

    [Fact]
    public void The_fee_bump_envelope_itself_is_refused_as_outside_the_subset()
    {
        var error = Assert.Throws<XdrFormatException>(() => PaymentXdr.FromBase64(FeeBumpEnvelope));

        Assert.Equal((0, "envelope type"), (error.Offset, error.Field));
        Assert.Contains("ENVELOPE_TYPE_TX_FEE_BUMP", error.Message);
    }

    [Fact]
    public void The_js_sdk_transaction_without_time_bounds_is_refused_at_its_preconditions()
    {
        // type 4, source 36, fee 4, sequence 8: the preconditions start at byte 52.
        var error = Assert.Throws<XdrFormatException>(() => PaymentXdr.FromBase64(NoTimeBoundsEnvelope));

        Assert.Equal((52, "transaction.cond"), (error.Offset, error.Field));
        Assert.Contains("PRECOND_NONE", error.Message);
    }

    [Fact]
    public void With_time_bounds_added_it_is_refused_at_its_create_account_operation()
    {
        // The #646 envelope with PRECOND_TIME (0, 0) in place of PRECOND_NONE: its text memo "3" and its operation's
        // source account read, and its operation, CREATE_ACCOUNT (0), is refused where it starts.
        var bytes = Convert.FromBase64String(NoTimeBoundsEnvelope);
        var withBounds = bytes[..52].Concat(new byte[] { 0, 0, 0, 1 }).Concat(new byte[16]).Concat(bytes[56..]).ToArray();

        var error = Assert.Throws<XdrFormatException>(() => PaymentXdr.ReadEnvelope(withBounds));

        Assert.Equal((128, "operation.body"), (error.Offset, error.Field));
        Assert.Contains("operation type 0", error.Reason);
    }
}
