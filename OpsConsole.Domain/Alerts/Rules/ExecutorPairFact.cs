namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>The executor's latest failure and latest fill on a pair, and when an alert of a failure on it was last
/// acknowledged (which clears it), if ever.</summary>
public sealed record ExecutorPairFact(string Pair, TradeEvent? LastFailure, TradeEvent? LastFill, DateTimeOffset? AcknowledgedAt);
