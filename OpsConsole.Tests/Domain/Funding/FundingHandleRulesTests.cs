using OpsConsole.Domain.Bitcoin;
using OpsConsole.Domain.Funding;

namespace OpsConsole.Tests.Domain.Funding;

[Trait("Category", "Domain")]
public class FundingHandleRulesTests
{
    const string RegtestAddress = "bcrt1qeg4dwju68dd5pw4qxj0p4na2afr8weducqfejv";
    const string GnosisAddress = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    static IReadOnlyList<string> Fields(FundingHandleInput input, BitcoinNetwork network = BitcoinNetwork.Regtest) =>
        [.. FundingHandleRules.Check(input, network).Errors.Select(e => e.Field)];

    [Fact]
    public void A_bitcoin_handle_and_a_gnosis_handle_pass_and_a_bech32_address_is_kept_in_lower_case()
    {
        var (btc, errors) = FundingHandleRules.Check(new("bitcoin", "BTC", "treasury-btc", $" {RegtestAddress.ToUpperInvariant()} ", " Cold intake "), BitcoinNetwork.Regtest);

        Assert.Empty(errors);
        Assert.Equal((RegtestAddress, "Cold intake"), (btc.DepositAddress, btc.Label));
        Assert.Empty(Fields(new("gnosis", "EURe", "treasury-eure", GnosisAddress, "EURe intake")));
    }

    [Theory]
    [InlineData("bitcoin", "EURe", "asset")]
    [InlineData("gnosis", "BTC", "asset")]
    [InlineData("ethereum", "EURe", "chain")]
    [InlineData("gnosis", "eure", "asset")]
    public void A_chain_takes_only_its_own_asset(string chain, string asset, string field)
    {
        Assert.Contains(field, Fields(new(chain, asset, "acct", chain == "bitcoin" ? RegtestAddress : GnosisAddress, "x")));
    }

    [Fact]
    public void Each_problem_names_its_field_and_the_address_refusal_says_why()
    {
        var (_, errors) = FundingHandleRules.Check(new("bitcoin", "BTC", " ", "bc1qeqf7j6sua7t8dpr6cuuryuqvcgfrau6j287mcm", ""), BitcoinNetwork.Regtest);

        Assert.Equal(["account", "label", "depositAddress"], errors.Select(e => e.Field));
        Assert.Contains("the console is on regtest", errors[2].Message);
    }

    [Fact]
    public void A_taproot_address_whose_key_is_off_the_curve_is_refused_as_unspendable_and_one_on_it_passes()
    {
        // Witness version 1 over 32 bytes: x = 5, which no secp256k1 point has; then x of the generator point.
        var (_, errors) = FundingHandleRules.Check(new("bitcoin", "BTC", "acct", "bcrt1pqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqzssr24l3", "x"),
            BitcoinNetwork.Regtest);

        Assert.True(BitcoinAddressCodec.Check("bcrt1pqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqzssr24l3", BitcoinNetwork.Regtest).IsValid);
        Assert.Equal("depositAddress", Assert.Single(errors).Field);
        Assert.Contains("could never be spent", errors[0].Message);
        Assert.Empty(Fields(new("bitcoin", "BTC", "acct", "bcrt1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqc8gma6", "x")));
    }

    [Theory]
    // EIP-55's published examples: all checksummed, whatever their capitals.
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void An_eip55_checksummed_address_is_a_valid_gnosis_address(string address)
    {
        Assert.Null(OpsConsole.Domain.Funding.GnosisAddress.Problem(address));
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "capital letters do not match")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "EIP-55 checksum")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "starts with 0x")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", "38 characters")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeZ", "not all of them hexadecimal")]
    public void A_gnosis_address_without_its_checksum_or_shape_is_refused_with_the_reason(string address, string words)
    {
        Assert.Contains(words, OpsConsole.Domain.Funding.GnosisAddress.Problem(address));
    }
}
