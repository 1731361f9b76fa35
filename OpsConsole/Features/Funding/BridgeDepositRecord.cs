namespace OpsConsole.Features.Funding;

/// <summary>A deposit the bridge credited (bridge_deposits, append-only, one row per deposit transaction): what it sent,
/// when it arrived and under which key.</summary>
public sealed class BridgeDepositRecord
{
    public long Id { get; set; }
    public required string Asset { get; set; }
    public decimal Amount { get; set; }
    public required string DepositTxHash { get; set; }
    public DateTimeOffset CreditedAt { get; set; }
    public required string Account { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string KeyId { get; set; }
}
