using OpsConsole.Domain.Bitcoin;

namespace OpsConsole.Tests.Domain.Bitcoin;

/// <summary>
/// The address test vectors published in BIP-173 (bech32) and BIP-350 (bech32m). BIP-350 supersedes BIP-173 for witness
/// versions 1 to 16, so BIP-173's valid addresses of those versions are now refused for their checksum. Valid segwit
/// outputs the console does not take (a version above 1, a version 1 program that is not 32 bytes) are refused as such.
/// </summary>
[Trait("Category", "Domain")]
public class SegwitSpecVectorTests
{
    const BitcoinNetwork Main = BitcoinNetwork.Mainnet;
    const BitcoinNetwork Test = BitcoinNetwork.Testnet;

    public static TheoryData<string, BitcoinNetwork, BitcoinAddressType, string> Accepted() => new()
    {
        // BIP-173 and BIP-350, both.
        { "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", Main, BitcoinAddressType.P2WPKH, "0014751e76e8199196d454941c45d1b3a323f1433bd6" },
        { "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", Test, BitcoinAddressType.P2WSH,
            "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262" },
        { "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy", Test, BitcoinAddressType.P2WSH,
            "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433" },
        // BIP-350.
        { "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c", Test, BitcoinAddressType.P2TR,
            "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433" },
        { "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", Main, BitcoinAddressType.P2TR,
            "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_published_valid_address_is_accepted_with_its_output_script(string address, BitcoinNetwork network, BitcoinAddressType type, string script)
    {
        var check = BitcoinAddressCodec.Check(address, network);

        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(type, check.Type);
        Assert.Equal(script, check.ScriptPubKeyHex);
        Assert.Equal(address.ToLowerInvariant(), check.Address);
    }

    [Theory]
    // BIP-350's valid addresses whose outputs are no P2WPKH, P2WSH or P2TR.
    [InlineData("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", "version 1 program of 40 bytes")]
    [InlineData("BC1SW50QGDZ25J", "version 16 program of 2 bytes")]
    [InlineData("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "version 2 program of 16 bytes")]
    public void A_valid_segwit_output_the_console_does_not_take_is_refused_as_such(string address, string words)
    {
        var check = BitcoinAddressCodec.Check(address, Main);

        Assert.Equal(BitcoinAddressProblem.Unsupported, check.Problem);
        Assert.Contains(words, check.Reason);
    }

    [Theory]
    // BIP-350's invalid addresses.
    [InlineData("tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", Main, BitcoinAddressProblem.UnknownFormat)]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", Main, BitcoinAddressProblem.ChecksumVariant)]
    [InlineData("tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf", Test, BitcoinAddressProblem.ChecksumVariant)]
    [InlineData("BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", Main, BitcoinAddressProblem.ChecksumVariant)]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", Main, BitcoinAddressProblem.ChecksumVariant)]
    [InlineData("tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47", Test, BitcoinAddressProblem.ChecksumVariant)]
    [InlineData("bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", Main, BitcoinAddressProblem.BadCharacter)]
    [InlineData("BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", Main, BitcoinAddressProblem.UnknownVersion)]
    [InlineData("bc1pw5dgrnzv", Main, BitcoinAddressProblem.BadLength)]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav", Main, BitcoinAddressProblem.BadLength)]
    [InlineData("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", Main, BitcoinAddressProblem.BadLength)]
    [InlineData("tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq", Test, BitcoinAddressProblem.MixedCase)]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", Main, BitcoinAddressProblem.BadPadding)]
    [InlineData("tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j", Test, BitcoinAddressProblem.BadPadding)]
    [InlineData("bc1gmk9yu", Main, BitcoinAddressProblem.BadLength)]
    // BIP-173's invalid addresses.
    [InlineData("tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty", Main, BitcoinAddressProblem.UnknownFormat)]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", Main, BitcoinAddressProblem.BadChecksum)]
    [InlineData("BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2", Main, BitcoinAddressProblem.UnknownVersion)]
    [InlineData("bc1rw5uspcuh", Main, BitcoinAddressProblem.ChecksumVariant)]
    [InlineData("bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90", Main, BitcoinAddressProblem.ChecksumVariant)]
    [InlineData("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7", Test, BitcoinAddressProblem.MixedCase)]
    [InlineData("bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", Main, BitcoinAddressProblem.ChecksumVariant)]
    [InlineData("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv", Test, BitcoinAddressProblem.BadPadding)]
    // BIP-173's valid addresses of versions 1 to 16, bech32 where BIP-350 now asks for bech32m.
    [InlineData("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx", Main, BitcoinAddressProblem.ChecksumVariant)]
    [InlineData("BC1SW50QA3JX3S", Main, BitcoinAddressProblem.ChecksumVariant)]
    [InlineData("bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj", Main, BitcoinAddressProblem.ChecksumVariant)]
    public void A_published_invalid_address_is_refused_for_its_reason(string address, BitcoinNetwork network, BitcoinAddressProblem problem)
    {
        var check = BitcoinAddressCodec.Check(address, network);

        Assert.False(check.IsValid);
        Assert.Equal(problem, check.Problem);
    }

    [Theory]
    [InlineData("bc1qeqf7j6sua7t8dpr6cuuryuqvcgfrau6j287mcm", BitcoinNetwork.Regtest, "mainnet address (its prefix is bc); the console is on regtest")]
    [InlineData("bcrt1qeg4dwju68dd5pw4qxj0p4na2afr8weducqfejv", BitcoinNetwork.Testnet, "regtest address (its prefix is bcrt); the console is on testnet")]
    [InlineData("miG3HNgHzbHDXhr1B9MJbLivgde6BCJRoh", BitcoinNetwork.Mainnet, "testnet or regtest address (its version byte is 0x6f)")]
    [InlineData("0OIl", BitcoinNetwork.Mainnet, "'0' is not a base58 character")]
    public void Each_refusal_says_what_is_wrong_in_words(string address, BitcoinNetwork network, string words)
    {
        Assert.Contains(words, BitcoinAddressCodec.Check(address, network).Reason);
    }
}
