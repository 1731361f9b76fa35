using System.Text.Json;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Tests.Domain.Stellar;

[Trait("Category", "Domain")]
public class StrKeyTests
{
    static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "stellar-payments.json"))).RootElement;

    public static TheoryData<string> VectorAccountIds()
    {
        // Several payments share accounts; each account is one case.
        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in Vectors.GetProperty("payments").EnumerateArray())
        {
            accounts.Add(p.GetProperty("sourceAccount").GetString()!);
            accounts.Add(p.GetProperty("destination").GetString()!);
            if (p.GetProperty("asset") is { ValueKind: JsonValueKind.Object } asset)
                accounts.Add(asset.GetProperty("issuer").GetString()!);
        }
        return new TheoryData<string>(accounts);
    }

    public static TheoryData<string, string> VectorInvalidAccountIds()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in Vectors.GetProperty("invalidAccountIds").EnumerateArray())
            data.Add(v.GetProperty("value").GetString()!, v.GetProperty("why").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(VectorAccountIds))]
    public void Account_ids_from_the_payment_vectors_are_valid(string accountId)
    {
        Assert.True(StrKey.IsValidAccountId(accountId));
        Assert.Equal(accountId, StrKey.EncodeAccountId(StrKey.DecodeAccountId(accountId)));
    }

    [Fact]
    public void Keys_encode_and_decode_as_the_official_library_does()
    {
        foreach (var v in Vectors.GetProperty("strKeys").EnumerateArray()
            .Concat(Vectors.GetProperty("payments").EnumerateArray()))
        {
            var (rawKey, account) = v.TryGetProperty("rawPublicKeyHex", out var raw)
                ? (raw.GetString()!, v.GetProperty("accountId").GetString()!)
                : (v.GetProperty("sourceRawPublicKeyHex").GetString()!, v.GetProperty("sourceAccount").GetString()!);
            Assert.Equal(account, StrKey.EncodeAccountId(Convert.FromHexString(rawKey)));
            Assert.Equal(rawKey, Convert.ToHexStringLower(StrKey.DecodeAccountId(account)));
        }
        foreach (var v in Vectors.GetProperty("strKeys").EnumerateArray())
        {
            var seed = v.GetProperty("seed").GetString()!;
            Assert.Equal(seed, StrKey.EncodeSeed(Convert.FromHexString(v.GetProperty("rawSeedHex").GetString()!)));
            Assert.Equal(v.GetProperty("rawSeedHex").GetString(), Convert.ToHexStringLower(StrKey.DecodeSeed(seed)));
            Assert.True(StrKey.IsValidSeed(seed));
            Assert.False(StrKey.IsValidAccountId(seed));
            Assert.False(StrKey.IsValidSeed(v.GetProperty("accountId").GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(VectorInvalidAccountIds))]
    public void Invalid_account_ids_from_the_vectors_are_refused_with_their_reason(string value, string why)
    {
        var expected = why switch
        {
            "checksum" => StrKeyFault.Checksum,
            "length" or "empty" => StrKeyFault.Length,
            "not base32 upper case" => StrKeyFault.Base32,
            _ when why.StartsWith("version", StringComparison.Ordinal) => StrKeyFault.Version,
            _ => throw new InvalidOperationException($"No fault for the vector's reason '{why}'."),
        };

        Assert.Equal(expected, StrKey.CheckAccountId(value));
        Assert.False(StrKey.IsValidAccountId(value), why);
        var error = Assert.Throws<StrKeyException>(() => StrKey.DecodeAccountId(value));
        Assert.Equal(expected, error.Fault);
        if (value.Length > 0)
            Assert.DoesNotContain(value, error.Message);
    }

    [Fact]
    public void A_faulty_seed_is_refused_with_its_reason_and_never_echoed()
    {
        var seed = Vectors.GetProperty("strKeys")[0].GetProperty("seed").GetString()!;
        var cases = new (string Value, StrKeyFault Fault)[]
        {
            (seed[..^1], StrKeyFault.Length),
            (seed + "A", StrKeyFault.Length),
            (seed.ToLowerInvariant(), StrKeyFault.Base32),
            (seed[..^1] + "1", StrKeyFault.Base32),
            (seed[..^1] + "=", StrKeyFault.Base32),
            (Vectors.GetProperty("strKeys")[0].GetProperty("accountId").GetString()!, StrKeyFault.Version),
            (seed[..30] + (seed[30] == 'A' ? 'B' : 'A') + seed[31..], StrKeyFault.Checksum),
        };
        foreach (var (value, fault) in cases)
        {
            Assert.Equal(fault, StrKey.CheckSeed(value));
            var error = Assert.Throws<StrKeyException>(() => StrKey.DecodeSeed(value));
            Assert.Equal(fault, error.Fault);
            Assert.DoesNotContain(value[..20], error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("secret seed", error.Message);
        }
        Assert.Equal(StrKeyFault.Length, StrKey.CheckSeed(null));
    }

    // SEP-23's own list of invalid strkeys, all of which must be refused (most are other kinds of strkey, or those kinds
    // made invalid; as account ids and seeds they are refused for their length or version before anything else).
    [Theory]
    [InlineData("GAAAAAAAACGC6", StrKeyFault.Length)]
    [InlineData("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUR", StrKeyFault.Length)]
    [InlineData("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZA", StrKeyFault.Length)]
    [InlineData("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUACUSI", StrKeyFault.Length)]
    [InlineData("G47QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVP2I", StrKeyFault.Version)]
    [InlineData("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVAAAAAAAAAAAAAJLKA", StrKeyFault.Length)]
    [InlineData("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVAAAAAAAAAAAAAAV75I", StrKeyFault.Length)]
    [InlineData("M47QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUQ", StrKeyFault.Length)]
    [InlineData("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUK===", StrKeyFault.Length)]
    [InlineData("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUO", StrKeyFault.Length)]
    [InlineData("PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAQACAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4DUPB6IAAAAAAAAPM", StrKeyFault.Length)]
    [InlineData("PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAOQCAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4Z2PQ", StrKeyFault.Length)]
    [InlineData("PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAOQCAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4DXFH6", StrKeyFault.Length)]
    [InlineData("BAAD6DBUX6J22DMZOHIEZTEQ64CVCHEDRKWZONFEUL5Q26QD7R76RGR4TV", StrKeyFault.Length)]
    [InlineData("BAAT6DBUX6J22DMZOHIEZTEQ64CVCHEDRKWZONFEUL5Q26QD7R76RGXACA", StrKeyFault.Length)]
    public void Sep23_invalid_strkeys_are_neither_account_ids_nor_seeds(string value, StrKeyFault fault)
    {
        Assert.Equal(fault, StrKey.CheckAccountId(value));
        Assert.Equal(fault, StrKey.CheckSeed(value));
    }

    [Theory]
    [InlineData("GA3D5KRYM6CB7OWQ6TWYRR3Z4T7GNZLKERYNZGGA5SOAOPIFY6YQHES5", "363eaa3867841fbad0f4ed88c779e4fe66e56a2470dc98c0ec9c073d05c7b103")]
    [InlineData("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ", "3f0c34bf93ad0d9971d04ccc90f705511c838aad9734a4a2fb0d7a03fc7fe89a")]
    public void Sep23_valid_account_ids(string accountId, string rawKey)
    {
        Assert.Equal(rawKey, Convert.ToHexStringLower(StrKey.DecodeAccountId(accountId)));
        Assert.Equal(accountId, StrKey.EncodeAccountId(Convert.FromHexString(rawKey)));
    }

    [Theory]
    [InlineData("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJV75ERQ")]   // too long
    [InlineData("GAAAAAAAACGC6")]                                                // 5-byte key
    [InlineData("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZA")]  // length ≡ 1 mod 8
    [InlineData("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUACUSI")] // 36 bytes
    [InlineData("G47QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVP2I")]   // bad version byte
    [InlineData("G=3D5KRYM6CB7OWQ6TWYRR3Z4T7GNZLKERYNZGGA5SOAOPIFY6YQHES5")]   // padding inside
    [InlineData("GBPXX0A5N4JYPESHAADMQKBPWZWQDQ64ZV6ZL2S3LAGW4SY7NTCMWIVL")]   // 0 is not base32
    [InlineData("GA3D5KRYM6CB7OWQ6TWYRR3Z4T7GNZLKERYNZGGA5SOAOPIFY6YQHES5 ")]  // trailing space
    [InlineData(null)]
    public void Sep23_and_other_invalid_account_ids_are_refused(string? value)
    {
        Assert.False(StrKey.IsValidAccountId(value));
    }

    [Fact]
    public void A_single_changed_character_breaks_the_checksum()
    {
        const string valid = "GA3D5KRYM6CB7OWQ6TWYRR3Z4T7GNZLKERYNZGGA5SOAOPIFY6YQHES5";
        for (var i = 1; i < valid.Length; i++)
        {
            var changed = valid[..i] + (valid[i] == 'A' ? 'B' : 'A') + valid[(i + 1)..];
            Assert.False(StrKey.IsValidAccountId(changed), changed);
        }
    }

    [Fact]
    public void Crc16_xmodem_matches_the_standard_check_value()
    {
        Assert.Equal(0x31C3, StrKey.Crc16XModem("123456789"u8));
    }

    [Fact]
    public void Keys_must_be_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => StrKey.EncodeAccountId(new byte[31]));
    }
}
