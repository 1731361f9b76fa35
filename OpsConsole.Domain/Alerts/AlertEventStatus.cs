namespace OpsConsole.Domain.Alerts;

/// <summary>What an event of ops_alerts records; written in lower case (raised, cleared).</summary>
public enum AlertEventStatus
{
    Raised,
    Cleared,
}
