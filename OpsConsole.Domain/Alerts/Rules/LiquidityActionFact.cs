using OpsConsole.Domain.Alerts.Ingest;

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>A liquidity action as it stands: its latest status, and when it was first and last reported.</summary>
public sealed record LiquidityActionFact(string ActionId, string Kind, string Asset, decimal Amount, LiquidityActionStatus Status,
    DateTimeOffset FirstAt, DateTimeOffset LastAt);
