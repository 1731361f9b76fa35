namespace OpsConsole.Domain.Alerts.Ingest;

/// <summary>What the trade executor reports of a trade; written in lower case on the wire and in the database.</summary>
public enum TradeStatus
{
    Submitted,
    Filled,
    Failed,
}
