using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Bitcoin;

namespace OpsConsole.Domain.Funding;

/// <summary>
/// What a funding handle must be: a known chain with its own asset (bitcoin↔BTC, gnosis↔EURe), an account as the
/// ingest feeds name it, a deposit address valid on that chain (BTC for the console's network; a Taproot one with an
/// output key that can sign, since the codec takes any 32 bytes as BIP-350 does), and a label. Each problem names its field
/// as the API spells it.
/// </summary>
public static class FundingHandleRules
{
    public const string ChainField = "chain";
    public const string AssetField = "asset";
    public const string AccountField = "account";
    public const string AddressField = "depositAddress";
    public const string LabelField = "label";
    public const int MaxLabel = 200;

    /// <summary>The input trimmed, a bech32 address in lower case; then every problem found.</summary>
    public static (FundingHandleInput Handle, IReadOnlyList<FieldError> Errors) Check(FundingHandleInput input, BitcoinNetwork network)
    {
        var errors = new List<FieldError>();
        var chain = input.Chain?.Trim() ?? "";
        var asset = input.Asset?.Trim() ?? "";
        var account = input.Account?.Trim() ?? "";
        var address = input.DepositAddress?.Trim() ?? "";
        var label = input.Label?.Trim() ?? "";

        if (!FundingAssets.Chains.Contains(chain))
            errors.Add(new(ChainField, $"chain must be one of {string.Join(", ", FundingAssets.Chains)}."));
        if (!FundingAssets.Assets.Contains(asset))
            errors.Add(new(AssetField, $"asset must be one of {string.Join(", ", FundingAssets.Assets)}."));
        else if (FundingAssets.Chains.Contains(chain) && FundingAssets.AssetOf(chain) != asset)
            errors.Add(new(AssetField, $"A {chain} handle receives {FundingAssets.AssetOf(chain)}, not {asset}."));
        if (!IngestShapes.Account().IsMatch(account))
            errors.Add(new(AccountField, $"account must be {IngestShapes.AccountRule}."));
        if (label.Length is 0 or > MaxLabel)
            errors.Add(new(LabelField, $"label must be 1 to {MaxLabel} characters."));

        switch (chain)
        {
            case FundingAssets.Bitcoin when BitcoinAddressCodec.Check(address, network) is var btc:
                if (btc.IsValid)
                {
                    address = btc.Address;
                    if (btc.Type == BitcoinAddressType.P2TR && !TaprootOutputKey.IsSpendable(btc.ScriptPubKeyHex!))
                        errors.Add(new(AddressField, "depositAddress is a Taproot address whose output key is not a valid secp256k1 x-only point: "
                            + "funds sent there could never be spent."));
                }
                else
                    errors.Add(new(AddressField, $"depositAddress is not a valid Bitcoin {BitcoinNetworks.Name(network)} address: {btc.Reason}"));
                break;
            case FundingAssets.Gnosis when GnosisAddress.Problem(address) is { } problem:
                errors.Add(new(AddressField, $"depositAddress is not a valid Gnosis address: {problem}"));
                break;
            case FundingAssets.Gnosis:
                break;
            default:
                if (address.Length == 0)
                    errors.Add(new(AddressField, "depositAddress is required."));
                break;
        }
        return (new FundingHandleInput(chain, asset, account, address, label, input.Active), errors);
    }
}
