using System.Text.RegularExpressions;
using OpsConsole.Domain.Alerts.Ingest;

namespace OpsConsole.Domain.Funding;

/// <summary>
/// The bridge's word that a deposit was credited as spendable: the only spendable truth. One per deposit transaction;
/// a BTC deposit's hash is 64 hex digits, an EURe one's 0x and 64; both are kept in lower case so a repeat is known.
/// </summary>
public sealed partial record BridgeDeposit(string Asset, decimal Amount, string DepositTxHash, DateTimeOffset CreditedAt, string Account)
{
    public static BridgeDeposit Read(IngestFields f)
    {
        var asset = f.Text("asset", AssetShape(), $"one of {string.Join(", ", FundingAssets.Assets)}");
        var amount = f.Decimal("amount", positive: true);
        var hash = f.Text("depositTxHash", TxHashShape(), "a transaction hash: 64 hexadecimal digits for BTC, 0x and 64 for EURe");
        if (asset.Length > 0 && hash.Length > 0 && hash.StartsWith("0x", StringComparison.Ordinal) != (asset == FundingAssets.Eure))
        {
            f.Fail("depositTxHash", asset == FundingAssets.Eure
                ? "An EURe deposit's depositTxHash is a Gnosis hash: 0x and 64 hexadecimal digits."
                : "A BTC deposit's depositTxHash is a Bitcoin txid: 64 hexadecimal digits without 0x.");
        }
        return new(asset, amount, hash.ToLowerInvariant(), f.Time("creditedAt"), f.Text("account", IngestShapes.Account(), IngestShapes.AccountRule));
    }

    [GeneratedRegex("^(BTC|EURe)$")]
    private static partial Regex AssetShape();

    [GeneratedRegex("^(0x)?[0-9a-fA-F]{64}$")]
    private static partial Regex TxHashShape();
}
