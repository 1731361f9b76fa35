namespace OpsConsole.Domain.Alerts;

/// <summary>How much an alert matters; a raised Critical alert is sent out to people, the others are shown.</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
