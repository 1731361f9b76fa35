namespace OpsConsole.Domain.Alerts.Ingest;

/// <summary>Where a liquidity action stands; written in lower case. Settled, failed and cancelled are final.</summary>
public enum LiquidityActionStatus
{
    Requested,
    Submitted,
    Pending,
    Settled,
    Failed,
    Cancelled,
}
