namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>A trade result as the executor reported it: its time by the executor's clock, and when the console received it.</summary>
public sealed record TradeEvent(string TradeId, DateTimeOffset At, DateTimeOffset ReceivedAt, string? Reason = null);
