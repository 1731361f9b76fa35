using OpsConsole.Domain.Approvals;

namespace OpsConsole.Tests.Domain.Approvals;

[Trait("Category", "Domain")]
public class MintPayloadRulesTests
{
    static readonly MintPayload Valid = Requests.Mint;

    static IEnumerable<string> Fields(MintPayload p) => MintPayloadRules.Validate(p).Select(e => e.Field);

    [Fact]
    public void A_valid_mint_has_no_errors()
    {
        Assert.Empty(MintPayloadRules.Validate(Valid));
        Assert.Empty(MintPayloadRules.Validate(Valid with { Memo = null }));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("USDC")]
    [InlineData("OPSCREDIT")]
    [InlineData("ABCDEFGHIJ12")]
    [InlineData("eur3")]
    public void Asset_codes_of_1_to_12_letters_or_digits_are_accepted(string code)
    {
        Assert.Empty(MintPayloadRules.Validate(Valid with { AssetCode = code }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDEFGHIJ123")]
    [InlineData("US-D")]
    [InlineData("US D")]
    [InlineData("ÜSD")]
    public void Other_asset_codes_are_refused(string code)
    {
        var error = Assert.Single(MintPayloadRules.Validate(Valid with { AssetCode = code }));
        Assert.Equal(("payload.assetCode", "The asset code must be 1 to 12 letters or digits."), (error.Field, error.Message));
    }

    [Theory]
    [InlineData("GD2UQNROJXGOFTHWNHCBUA6ED6YIZTTRZNIPP45SL6JWJX4OOXMFD7TA")]
    [InlineData("SDHH3YPYUGKNSJ47WATKEQPIWYUIIL3W3XWITYVIKYGU6PS2K4Y2O2G2")]
    [InlineData("")]
    public void Issuer_and_destination_must_be_account_ids(string bad)
    {
        Assert.Equal(["payload.issuer"], Fields(Valid with { Issuer = bad }));
        Assert.Equal(["payload.destination"], Fields(Valid with { Destination = bad }));
    }

    [Theory]
    [InlineData("0.0000001")]
    [InlineData("1")]
    [InlineData("922337203685.4775807")]
    public void Positive_amounts_with_up_to_7_decimals_within_int64_stroops_are_accepted(string amount)
    {
        Assert.Empty(MintPayloadRules.Validate(Valid with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Theory]
    [InlineData("0", "The amount must be positive.")]
    [InlineData("-5", "The amount must be positive.")]
    [InlineData("0.00000001", "The amount must have at most 7 decimals.")]
    [InlineData("1.23456789", "The amount must have at most 7 decimals.")]
    [InlineData("922337203685.4775808", "The amount must be at most 922337203685.4775807 (int64 stroops).")]
    public void Other_amounts_are_refused(string amount, string message)
    {
        var error = Assert.Single(MintPayloadRules.Validate(Valid with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(("payload.amount", message), (error.Field, error.Message));
    }

    [Fact]
    public void The_memo_is_at_most_28_bytes_of_utf8()
    {
        Assert.Empty(MintPayloadRules.Validate(Valid with { Memo = new string('x', 28) }));
        Assert.Empty(MintPayloadRules.Validate(Valid with { Memo = new string('ä', 14) }));
        Assert.Equal(["payload.memo"], Fields(Valid with { Memo = new string('x', 29) }));
        Assert.Equal(["payload.memo"], Fields(Valid with { Memo = new string('ä', 15) }));
    }

    [Fact]
    public void Every_fault_is_reported_at_once()
    {
        var all = new MintPayload("", "x", "y", 0, new string('m', 40));
        Assert.Equal(["payload.assetCode", "payload.issuer", "payload.destination", "payload.amount", "payload.memo"], Fields(all));
    }
}
