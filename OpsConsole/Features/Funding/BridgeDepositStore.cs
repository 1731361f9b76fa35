using OpsConsole.Domain.Funding;
using OpsConsole.Features.Alerts.Ingest;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.Funding;

/// <summary>
/// Keeps the bridge's credited deposits in bridge_deposits, append-only: one row per deposit transaction, a repeat of its
/// hash skipped, all of a request in one statement.
/// </summary>
public sealed class BridgeDepositStore(IngestStore ingest)
{
    public Task<IReadOnlyList<bool>> StoreAsync(IReadOnlyList<BridgeDeposit> deposits, string keyId, CancellationToken ct,
        MachineSignatureRecord? signature = null) =>
        ingest.StoreAsync("""
            INSERT INTO bridge_deposits (asset, amount, deposit_tx_hash, credited_at, account, received_at, key_id)
            SELECT asset, amount, deposit_tx_hash, credited_at, account, @now, @key_id
            FROM unnest(@asset, @amount, @deposit_tx_hash, @credited_at, @account) AS i(asset, amount, deposit_tx_hash, credited_at, account)
            ON CONFLICT (deposit_tx_hash) DO NOTHING
            RETURNING deposit_tx_hash
            """,
            [.. deposits.Select(d => d.DepositTxHash)], r => r.GetString(0), keyId, signature, ct,
            IngestStore.Column("asset", deposits, d => d.Asset), IngestStore.Column("amount", deposits, d => d.Amount),
            IngestStore.Column("deposit_tx_hash", deposits, d => d.DepositTxHash), IngestStore.Column("credited_at", deposits, d => d.CreditedAt),
            IngestStore.Column("account", deposits, d => d.Account));
}
