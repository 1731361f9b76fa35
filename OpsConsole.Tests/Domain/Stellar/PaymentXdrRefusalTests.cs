using System.Buffers.Binary;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Tests.Domain.Stellar;

/// <summary>Each way out of the subset, made by changing one field of a signed vector envelope, is refused at its
/// byte with its reason; and the writer refuses what it could not write.</summary>
[Trait("Category", "Domain")]
public class PaymentXdrRefusalTests
{
    // "alphanum4 USDC, text memo": type 0, source 4, fee 40, seqNum 44, cond 52, minTime 56, maxTime 64, memo 72,
    // memo length 76, "mint 42" 80 (one padding byte at 87), operations 88, op source flag 92, op type 96,
    // destination 100, asset type 136, code 140, issuer 144, amount 180, ext 188, signatures 192, hint 196,
    // signature length 200, signature 204, end 268.
    static readonly byte[] Usdc = Convert.FromBase64String(StellarVectors.Payment("alphanum4 USDC, text memo").Text("signedEnvelopeXdr"));

    // "alphanum12 OPSCREDIT, hash memo": memo 72, hash 76, operations 108, op source flag 112, op type 116,
    // destination 120, asset type 156, code 160 (12 bytes).
    static readonly byte[] OpsCredit = Convert.FromBase64String(StellarVectors.Payment("alphanum12 OPSCREDIT, hash memo").Text("signedEnvelopeXdr"));

    static byte[] WithUInt32(byte[] envelope, int offset, uint value)
    {
        var copy = envelope.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(offset), value);
        return copy;
    }

    static byte[] WithBytes(byte[] envelope, int offset, params byte[] bytes)
    {
        var copy = envelope.ToArray();
        bytes.CopyTo(copy, offset);
        return copy;
    }

    static void AssertRefused(byte[] envelope, int offset, string field, string reasonPart)
    {
        var error = Assert.Throws<XdrFormatException>(() => PaymentXdr.ReadEnvelope(envelope));
        Assert.Equal((offset, field), (error.Offset, error.Field));
        Assert.Contains(reasonPart, error.Reason);
    }

    [Fact]
    public void The_unchanged_envelopes_read()
    {
        Assert.Equal(Usdc, PaymentXdr.WriteEnvelope(PaymentXdr.ReadEnvelope(Usdc)));
        Assert.Equal(OpsCredit, PaymentXdr.WriteEnvelope(PaymentXdr.ReadEnvelope(OpsCredit)));
    }

    public static TheoryData<string, uint, int, string, string> OneFieldChanged() => new()
    {
        { "v0 envelope", 0, 0, "envelope type", "ENVELOPE_TYPE_TX_V0" },
        { "unknown envelope type", 7, 0, "envelope type", "only ENVELOPE_TYPE_TX (2)" },
        { "muxed source", 0x100, 4, "transaction.sourceAccount", "muxed accounts are outside the subset" },
        { "no time bounds", 0, 52, "transaction.cond", "PRECOND_NONE" },
        { "v2 preconditions", 2, 52, "transaction.cond", "PRECOND_V2" },
        { "memo return", 4, 72, "transaction.memo", "MEMO_RETURN" },
        { "unknown memo", 9, 72, "transaction.memo", "9 is no memo type" },
        { "memo text over 28 bytes", 29, 76, "transaction.memo.text", "over the maximum of 28" },
        { "two operations", 2, 88, "transaction.operations", "exactly one operation, not 2" },
        { "no operation", 0, 88, "transaction.operations", "exactly one operation, not 0" },
        { "optional flag 2", 2, 92, "operation.sourceAccount", "must be 0 or 1" },
        { "create account", 0, 96, "operation.body", "operation type 0" },
        { "path payment", 2, 96, "operation.body", "only PAYMENT (1)" },
        { "muxed destination", 0x100, 100, "payment.destination", "muxed accounts" },
        { "pool share asset", 3, 136, "payment.asset", "asset type 3" },
        { "issuer key type", 1, 144, "payment.asset.issuer", "key type 1" },
        { "soroban ext", 1, 188, "transaction.ext", "only version 0" },
        { "21 signatures", 21, 192, "signatures", "maximum of 20" },
        { "signature of 65 bytes", 65, 200, "signatures[0].signature", "over the maximum of 64" },
    };

    [Theory]
    [MemberData(nameof(OneFieldChanged))]
    public void A_field_outside_the_subset_is_refused_with_its_offset_and_reason(string change, uint value, int offset, string field, string reason)
    {
        Assert.NotEmpty(change);
        AssertRefused(WithUInt32(Usdc, offset, value), offset, field, reason);
    }

    [Fact]
    public void A_zero_or_negative_amount_and_a_negative_sequence_are_refused()
    {
        AssertRefused(WithUInt32(WithUInt32(Usdc, 180, 0), 184, 0), 180, "payment.amount", "positive, not 0");
        AssertRefused(WithUInt32(Usdc, 180, 0x8000_0000), 180, "payment.amount", "positive");
        AssertRefused(WithUInt32(Usdc, 44, 0xFFFF_FFFF), 44, "transaction.seqNum", "not negative");
    }

    [Fact]
    public void Time_bounds_whose_max_is_before_their_min_are_refused()
    {
        AssertRefused(WithUInt32(Usdc, 56, 0x7000_0000), 64, "transaction.cond.timeBounds.maxTime", "before minTime");
    }

    [Fact]
    public void A_memo_text_that_is_not_utf8_is_refused()
    {
        AssertRefused(WithBytes(Usdc, 80, 0xFF), 76, "transaction.memo.text", "not UTF-8");
    }

    [Fact]
    public void Padding_that_is_not_zero_is_refused()
    {
        AssertRefused(WithBytes(Usdc, 87, 1), 87, "transaction.memo.text", "padding bytes must be zero");
    }

    [Theory]
    [InlineData(new byte[] { (byte)'U', (byte)'$', (byte)'D', (byte)'C' })]
    [InlineData(new byte[] { 0, (byte)'S', (byte)'D', (byte)'C' })]
    [InlineData(new byte[] { (byte)'U', 0, (byte)'D', 0 })]
    [InlineData(new byte[] { 0, 0, 0, 0 })]
    public void An_alphanum4_code_that_is_not_letters_and_digits_then_zeros_is_refused(byte[] code)
    {
        AssertRefused(WithBytes(Usdc, 140, code), 140, "payment.asset.code", "alphanum4");
    }

    [Fact]
    public void An_alphanum12_code_of_four_characters_is_refused()
    {
        AssertRefused(WithBytes(OpsCredit, 160, "ABCD\0\0\0\0\0\0\0\0"u8.ToArray()), 160, "payment.asset.code", "5 to 12");
    }

    [Fact]
    public void Bytes_after_the_envelope_are_refused()
    {
        AssertRefused([.. Usdc, 0, 0, 0, 0], 268, "envelope", "4 bytes follow its end");
    }

    [Fact]
    public void Every_truncation_is_refused()
    {
        for (var length = 0; length < Usdc.Length; length++)
            Assert.Throws<XdrFormatException>(() => PaymentXdr.ReadEnvelope(Usdc[..length]));
    }

    [Fact]
    public void Text_that_is_not_base64_is_refused()
    {
        var error = Assert.Throws<XdrFormatException>(() => PaymentXdr.FromBase64("not base64!"));
        Assert.Contains("not base64", error.Reason);
    }

    [Fact]
    public void The_writer_refuses_what_the_subset_cannot_hold()
    {
        var tx = PaymentXdr.ReadEnvelope(Usdc).Transaction;

        Assert.Throws<ArgumentException>(() => PaymentXdr.WriteTransaction(tx with { Payment = tx.Payment with { Amount = 0 } }));
        Assert.Throws<ArgumentException>(() => PaymentXdr.WriteTransaction(tx with { Sequence = -1 }));
        Assert.Throws<StrKeyException>(() => PaymentXdr.WriteTransaction(tx with { SourceAccount = "GABC" }));
        var seed = StellarVectors.Payment("alphanum4 USDC, text memo").Text("sourceSeed");
        Assert.Throws<StrKeyException>(() => PaymentXdr.WriteTransaction(tx with { Payment = tx.Payment with { Destination = seed } }));
        var signature = new DecoratedSignature(new byte[4], new byte[64]);
        Assert.Throws<ArgumentException>(() => PaymentXdr.WriteEnvelope(new PaymentEnvelope(tx, Enumerable.Repeat(signature, 21).ToList())));
    }

    [Fact]
    public void Memos_assets_bounds_and_signatures_refuse_what_does_not_fit()
    {
        Assert.Throws<ArgumentException>(() => StellarMemo.ForText(new string('a', 29)));
        Assert.Throws<ArgumentException>(() => StellarMemo.ForText(new string('é', 15)));
        StellarMemo.ForText(new string('é', 14));
        Assert.Throws<ArgumentException>(() => StellarMemo.ForHash(new byte[31]));
        Assert.Throws<ArgumentException>(() => StellarAsset.Credit("", "GD6OZ6JCZ7FD2HQ6JC3IYRSEJPERKG4KV2ABWT535O5MCQOPWM4YMT4K"));
        Assert.Throws<ArgumentException>(() => StellarAsset.Credit("ABCDEFGHIJKLM", "GD6OZ6JCZ7FD2HQ6JC3IYRSEJPERKG4KV2ABWT535O5MCQOPWM4YMT4K"));
        Assert.Throws<ArgumentException>(() => StellarAsset.Credit("US D", "GD6OZ6JCZ7FD2HQ6JC3IYRSEJPERKG4KV2ABWT535O5MCQOPWM4YMT4K"));
        Assert.Throws<ArgumentException>(() => StellarAsset.Credit("USD", "GD6OZ6JCZ7FD2HQ6JC3IYRSEJPERKG4KV2ABWT535O5MCQOPWM4YMT4"));
        Assert.Equal(AssetType.CreditAlphanum4, StellarAsset.Credit("USDC", "GD6OZ6JCZ7FD2HQ6JC3IYRSEJPERKG4KV2ABWT535O5MCQOPWM4YMT4K").Type);
        Assert.Equal(AssetType.CreditAlphanum12, StellarAsset.Credit("USDCX", "GD6OZ6JCZ7FD2HQ6JC3IYRSEJPERKG4KV2ABWT535O5MCQOPWM4YMT4K").Type);
        Assert.Throws<ArgumentException>(() => new TimeBounds(11, 10));
        Assert.Equal(0UL, new TimeBounds(11, 0).MaxTime);
        Assert.Throws<ArgumentException>(() => new DecoratedSignature(new byte[3], new byte[64]));
        Assert.Throws<ArgumentException>(() => new DecoratedSignature(new byte[4], new byte[65]));
    }
}
