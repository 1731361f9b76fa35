namespace OpsConsole.Platform.MachineAuth;

/// <summary>A feature's registration of one scope a machine-client key may hold, as written in its Scopes setting.</summary>
public sealed record MachineScope(string Name);
