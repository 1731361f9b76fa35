using OpsConsole.Domain.Stellar;

namespace OpsConsole.Tests.Domain.Stellar;

/// <summary>Properties over seeded random inputs: what is written reads back equal; what reads writes back to the
/// same bytes (one spelling per transaction); damaged bytes are refused or read to a transaction that writes back
/// to exactly those bytes, never misread.</summary>
[Trait("Category", "Domain")]
public class PaymentXdrPropertyTests
{
    const int Cases = 400;

    static string RandomAccount(Random random) => StrKey.EncodeAccountId(Bytes(random, 32));

    static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    static ulong RandomUInt64(Random random) => (ulong)random.NextInt64() << 1 | (uint)random.Next(2);

    static string RandomCode(Random random, int min, int max)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return new string([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }

    static StellarMemo RandomMemo(Random random) => random.Next(4) switch
    {
        0 => StellarMemo.None,
        // Any text of at most 28 bytes of UTF-8: ASCII, accented letters (2 bytes) and emoji (4 bytes).
        1 => StellarMemo.ForText(RandomText(random)),
        2 => StellarMemo.ForId(RandomUInt64(random)),
        _ => StellarMemo.ForHash(Bytes(random, 32)),
    };

    static string RandomText(Random random)
    {
        string[] pieces = ["a", "Z", "7", " ", "é", "€", "😀", "mint"];
        var text = "";
        while (random.Next(6) != 0)
        {
            var next = text + pieces[random.Next(pieces.Length)];
            if (System.Text.Encoding.UTF8.GetByteCount(next) > StellarMemo.MaxTextBytes)
                break;
            text = next;
        }
        return text;
    }

    static StellarAsset RandomAsset(Random random) => random.Next(3) switch
    {
        0 => StellarAsset.Native,
        1 => StellarAsset.Credit(RandomCode(random, 1, 4), RandomAccount(random)),
        _ => StellarAsset.Credit(RandomCode(random, 5, 12), RandomAccount(random)),
    };

    public static PaymentTransaction RandomTransaction(Random random)
    {
        var min = random.Next(3) == 0 ? 0 : RandomUInt64(random) >> 1;
        var max = random.Next(5) == 0 ? 0 : min + (RandomUInt64(random) >> 1);
        return new PaymentTransaction(
            RandomAccount(random), (uint)random.NextInt64(0, uint.MaxValue + 1L), random.NextInt64(0, long.MaxValue),
            new TimeBounds(min, max), RandomMemo(random),
            new PaymentOperation(random.Next(4) == 0 ? RandomAccount(random) : null, RandomAccount(random), RandomAsset(random),
                random.NextInt64(1, long.MaxValue)));
    }

    static PaymentEnvelope RandomEnvelope(Random random) => new(RandomTransaction(random),
        [.. Enumerable.Range(0, random.Next(4)).Select(_ => new DecoratedSignature(Bytes(random, 4), Bytes(random, random.Next(2) == 0 ? 64 : random.Next(65))))]);

    [Fact]
    public void Written_envelopes_read_back_equal_and_write_again_to_the_same_bytes()
    {
        var random = new Random(20260601);
        for (var i = 0; i < Cases; i++)
        {
            var envelope = RandomEnvelope(random);
            var bytes = PaymentXdr.WriteEnvelope(envelope);

            var read = PaymentXdr.ReadEnvelope(bytes);

            Assert.Equal(envelope, read);
            Assert.Equal(bytes, PaymentXdr.WriteEnvelope(read));
            Assert.Equal(0, bytes.Length % 4);
        }
    }

    [Fact]
    public void A_damaged_envelope_is_refused_or_reads_to_exactly_what_it_says()
    {
        var random = new Random(42);
        var refused = 0;
        for (var i = 0; i < Cases * 5; i++)
        {
            var bytes = PaymentXdr.WriteEnvelope(RandomEnvelope(random));
            for (var flips = random.Next(1, 4); flips > 0; flips--)
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));

            PaymentEnvelope read;
            try
            {
                read = PaymentXdr.ReadEnvelope(bytes);
            }
            catch (XdrFormatException)
            {
                refused++;
                continue;
            }
            Assert.Equal(bytes, PaymentXdr.WriteEnvelope(read));
        }
        // Most single-bit damage lands in keys, amounts and signatures, which any value fills; the rest must be refused.
        Assert.InRange(refused, Cases / 10, Cases * 5 - Cases / 10);
    }

    [Fact]
    public void Any_change_to_a_transaction_changes_its_hash_and_breaks_its_signature()
    {
        var random = new Random(7);
        using var signer = StellarSigner.FromRawSeed(Bytes(random, 32));
        for (var i = 0; i < Cases / 4; i++)
        {
            var tx = RandomTransaction(random) with { SourceAccount = signer.AccountId };
            var envelope = signer.Sign(tx, StellarNetwork.TestnetPassphrase);
            var changed = (i % 4) switch
            {
                0 => tx with { Sequence = tx.Sequence ^ 1 },
                1 => tx with { Fee = tx.Fee ^ 1 },
                2 => tx with { Payment = tx.Payment with { Amount = tx.Payment.Amount ^ 1 } },
                _ => tx with { TimeBounds = new TimeBounds(tx.TimeBounds.MinTime, tx.TimeBounds.MaxTime == 0 ? 0 : tx.TimeBounds.MaxTime + 1), Memo = StellarMemo.ForId(tx.Memo.Id + 1) },
            };

            Assert.True(StellarSigner.Verify(signer.AccountId, TransactionHash.Compute(tx, StellarNetwork.TestnetPassphrase), envelope.Signatures[0].Signature));
            Assert.NotEqual(TransactionHash.Compute(tx, StellarNetwork.TestnetPassphrase), TransactionHash.Compute(changed, StellarNetwork.TestnetPassphrase));
            Assert.False(StellarSigner.Verify(signer.AccountId, TransactionHash.Compute(changed, StellarNetwork.TestnetPassphrase), envelope.Signatures[0].Signature));
        }
    }

    [Fact]
    public void Random_keys_round_trip_through_strkey_and_one_changed_character_is_refused()
    {
        var random = new Random(99);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        for (var i = 0; i < Cases; i++)
        {
            var key = Bytes(random, 32);
            var (account, seed) = (StrKey.EncodeAccountId(key), StrKey.EncodeSeed(key));
            Assert.Equal(key, StrKey.DecodeAccountId(account));
            Assert.Equal(key, StrKey.DecodeSeed(seed));
            Assert.Equal((StrKeyFault.Version, StrKeyFault.Version), (StrKey.CheckSeed(account), StrKey.CheckAccountId(seed)));

            var at = random.Next(1, 56);
            var other = alphabet[(alphabet.IndexOf(account[at]) + random.Next(1, 32)) % 32];
            // CRC16 catches every single-symbol error; a change in the second symbol may change the version byte first.
            Assert.Contains(StrKey.CheckAccountId(account[..at] + other + account[(at + 1)..]), new[] { StrKeyFault.Checksum, StrKeyFault.Version });
        }
    }

    [Fact]
    public void Random_amounts_round_trip_between_stroops_and_decimals()
    {
        var random = new Random(5);
        for (var i = 0; i < Cases * 5; i++)
        {
            var stroops = random.Next(3) switch
            {
                0 => random.NextInt64(long.MinValue, long.MaxValue),
                1 => random.NextInt64(-1_000_000_000, 1_000_000_000),
                _ => long.MaxValue - random.Next(1000),
            };
            var amount = Stroops.ToDecimal(stroops);

            Assert.Equal(stroops, Stroops.FromDecimal(amount));
            Assert.Equal(stroops, Stroops.FromDecimal(decimal.Parse(Stroops.Format(stroops), System.Globalization.CultureInfo.InvariantCulture)));
            Assert.False(Stroops.TryFromDecimal(amount + 0.00000001m * (random.Next(1, 9)), out _, out _));
        }
    }
}
