using System.Numerics;
using Microsoft.Extensions.Configuration;
using OpsConsole.Features.Funding.Gnosis;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>The Transfer event's topics and amounts against known values, and the Gnosis settings' checks.</summary>
[Trait("Category", "Domain")]
public class GnosisUnitsTests
{
    [Fact]
    public void The_transfer_topic_is_the_keccak_of_the_event_signature_and_an_address_topic_is_left_padded_lower_case()
    {
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", Erc20Transfers.Topic);
        Assert.Equal("0x0000000000000000000000000d295db3be7254c28424f839a270421c101feedf",
            Erc20Transfers.AddressTopic("0x0d295Db3Be7254c28424f839A270421C101feEDf"));
    }

    [Theory]
    [InlineData("1", "0.000000000000000001")]
    [InlineData("1000000000000000000", "1")]
    [InlineData("2500000000000000000000", "2500")]
    [InlineData("125000000000000000", "0.125")]
    [InlineData("1234567890123456789012345", "1234567.890123456789012345")]
    public void Eighteen_decimal_units_are_read_as_eure_exactly_and_back(string units, string eure)
    {
        var value = BigInteger.Parse(units, System.Globalization.CultureInfo.InvariantCulture);
        var amount = decimal.Parse(eure, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(amount, Erc20Transfers.Amount(value));
        Assert.Equal(value, Erc20Transfers.Units(amount));
    }

    static GnosisSettings Read(Dictionary<string, string?> values)
    {
        var settings = new GnosisSettings();
        settings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return settings;
    }

    [Fact]
    public void Settings_default_to_the_simulation_and_monerium_eure_and_name_each_bad_value()
    {
        var defaults = Read([]);
        Assert.Equal((GnosisMode.Simulated, "0x420CA0f9B9b604cE0fd9C18EF134C705e5Fa3430", 12), (defaults.Mode, defaults.EureContract, defaults.RequiredConfirmations));
        Assert.Empty(defaults.Problems);
        Assert.Empty(Read(new() { ["Gnosis:Mode"] = "rpc", ["Gnosis:RpcUrl"] = "https://rpc.gnosischain.com" }).Problems);

        Assert.Contains("Gnosis:Mode must be Rpc or Simulated", Assert.Single(Read(new() { ["Gnosis:Mode"] = "JsonRpc" }).Problems));
        Assert.Contains("Gnosis:RpcUrl must be an absolute", Assert.Single(Read(new() { ["Gnosis:Mode"] = "Rpc" }).Problems));
        Assert.Contains("set Gnosis:Mode to Rpc", Assert.Single(Read(new() { ["Gnosis:RpcUrl"] = "https://rpc.gnosischain.com" }).Problems));
        Assert.Contains("EIP-55", Assert.Single(Read(new() { ["Gnosis:EureContract"] = "0x420ca0f9b9b604ce0fd9c18ef134c705e5fa3430" }).Problems));
        Assert.Contains("mistyped", Assert.Single(Read(new() { ["Gnosis:EureContract"] = "0x420CA0f9B9b604cE0fd9C18EF134C705e5Fa3431" }).Problems));
        Assert.Contains("Gnosis:RequiredConfirmations", Assert.Single(Read(new() { ["Gnosis:RequiredConfirmations"] = "0" }).Problems));
    }
}
