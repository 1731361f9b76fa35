namespace OpsConsole.Domain.Alerts;

/// <summary>An active alert whose condition no longer holds, with the reason its rule gives.</summary>
public sealed record AlertClear(ActiveAlert Alert, string Reason);
