namespace OpsConsole.Domain.Alerts;

/// <summary>Why an alert cleared: its condition stopped holding, or someone acknowledged an alert its rule clears that way.</summary>
public enum AlertClearCause
{
    Recovered,
    Acknowledged,
}
