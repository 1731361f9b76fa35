using OpsConsole.Domain.Funding;

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>
/// A transfer to a funding handle as the funding rules read it: its latest observation (status, confirmations, amount,
/// when it was first seen and when it entered its status), the handle it pays, whether the bridge credited its tx hash,
/// and when an alert of the rule on it was last cleared by an acknowledgement.
/// </summary>
public sealed record FundingTransferFact(
    Guid Handle,
    string HandleLabel,
    bool HandleActive,
    string Account,
    string Asset,
    string TxHash,
    string Status,
    decimal Amount,
    int Confirmations,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset StatusSince,
    DateTimeOffset? BridgeCreditedAt = null,
    DateTimeOffset? AcknowledgedAt = null)
{
    /// <summary>The scope key of the transfer's alerts: tx hash and handle id, joined by '|', which neither holds.</summary>
    public string ScopeKey => $"{TxHash}|{Handle}";

    public AlertScope Scope => new("funding", ScopeKey, AssetId: Asset, TxHash: TxHash);

    /// <summary>Credited by the bridge: recorded so by the observer, or a bridge deposit with its hash already stored.</summary>
    public bool Credited => Status == FundingObservationStatus.Credited || BridgeCreditedAt is not null;

    /// <summary>"0.5 BTC to Treasury intake (3f2a…)", for a reason.</summary>
    public string Describe() => $"{FundingAmount.Text(Amount, Asset)} to {HandleLabel} ({TxHash})";

    public string[] CorrelationIds => [TxHash, Handle.ToString()];

    /// <summary>What every funding rule on a transfer shows in its "why" panel.</summary>
    public AlertFact[] Facts(DateTimeOffset now) =>
    [
        AlertFact.Of("tx hash", TxHash), AlertFact.Of("handle", Handle.ToString()), AlertFact.Of("handle label", HandleLabel),
        AlertFact.Of("account", Account), AlertFact.Of("asset", Asset), AlertFact.Of("amount", Amount), AlertFact.Of("status", Status),
        AlertFact.Of("confirmations", Confirmations), AlertFact.Of("first seen at", FirstSeenAt), AlertFact.Of("in this status since", StatusSince),
        AlertFact.Of("in this status for", now - StatusSince),
    ];

    /// <summary>A transfer's scope key as a recovery message names it: "transfer abc… to handle 1f…".</summary>
    public static string Named(string scopeKey) => scopeKey.Split('|') is [var tx, var handle]
        ? $"Transfer {tx} to handle {handle}"
        : $"Transfer {scopeKey}";
}
