using System.Text.Json;
using OpsConsole.Domain.Bitcoin;

namespace OpsConsole.Tests.Domain.Bitcoin;

/// <summary>The codec against Vectors/bitcoin-addresses.json (made with bitcoinjs-lib): every valid address is accepted
/// on its network with its type and output script, refused on the others, and every invalid one is refused.</summary>
[Trait("Category", "Domain")]
public class BitcoinAddressVectorTests
{
    static readonly JsonElement Root =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "bitcoin-addresses.json"))).RootElement;

    public static TheoryData<string, string, string, string> Valid()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var v in Root.GetProperty("valid").EnumerateArray())
            data.Add(v.GetProperty("network").GetString()!, v.GetProperty("type").GetString()!, v.GetProperty("address").GetString()!,
                v.GetProperty("scriptPubKeyHex").GetString()!);
        return data;
    }

    public static TheoryData<string, string, string> Invalid()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var v in Root.GetProperty("invalid").EnumerateArray())
            data.Add(v.GetProperty("network").GetString()!, v.GetProperty("address").GetString()!, v.GetProperty("why").GetString()!);
        return data;
    }

    static BitcoinNetwork Network(string name) => Enum.Parse<BitcoinNetwork>(name, ignoreCase: true);

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_valid_address_is_accepted_with_its_type_and_output_script(string network, string type, string address, string script)
    {
        var check = BitcoinAddressCodec.Check(address, Network(network));

        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(Enum.Parse<BitcoinAddressType>(type, ignoreCase: true), check.Type);
        Assert.Equal(script, check.ScriptPubKeyHex);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_valid_address_is_refused_on_a_network_it_does_not_belong_to(string network, string type, string address, string script)
    {
        _ = script;
        // Testnet and regtest share their base58 version bytes, so a base58 address of either is valid on both.
        var sharesBytes = type is "p2pkh" or "p2sh" && network != "mainnet";
        foreach (var other in Enum.GetValues<BitcoinNetwork>().Where(n => n != Network(network) && !(sharesBytes && n != BitcoinNetwork.Mainnet)))
        {
            var check = BitcoinAddressCodec.Check(address, other);
            Assert.Equal(BitcoinAddressProblem.WrongNetwork, check.Problem);
            Assert.Contains($"the console is on {other.ToString().ToLowerInvariant()}", check.Reason);
        }
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_address_is_refused_with_its_reason(string network, string address, string why)
    {
        var check = BitcoinAddressCodec.Check(address, Network(network));

        var expected = why switch
        {
            "base58 checksum" or "bech32 checksum" or "bech32m checksum" => BitcoinAddressProblem.BadChecksum,
            "witness v0 encoded with bech32m" or "witness v1 encoded with bech32" => BitcoinAddressProblem.ChecksumVariant,
            "witness v0 program of 24 bytes" or "truncated" => BitcoinAddressProblem.BadLength,
            "mixed case" => BitcoinAddressProblem.MixedCase,
            "empty" => BitcoinAddressProblem.Empty,
            _ when why.Contains(" on ", StringComparison.Ordinal) => BitcoinAddressProblem.WrongNetwork,
            _ => throw new InvalidOperationException($"No expectation for '{why}'."),
        };
        Assert.False(check.IsValid);
        Assert.Equal(expected, check.Problem);
        Assert.False(string.IsNullOrWhiteSpace(check.Reason));
    }
}
