namespace OpsConsole.Features.Alerts.Pages;

/// <summary>What the silence dialog asks for: one scope or all of the code, for how long, and why.</summary>
public sealed record SilenceRequest(string? ScopeKey, TimeSpan Duration, string Note);
