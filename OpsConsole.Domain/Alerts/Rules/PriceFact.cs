namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>The newest reference price of a pair, whichever source sent it.</summary>
public sealed record PriceFact(string Pair, string Source, decimal Price, DateTimeOffset ObservedAt, DateTimeOffset ReceivedAt);
