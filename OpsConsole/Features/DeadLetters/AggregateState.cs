namespace OpsConsole.Features.DeadLetters;

/// <summary>An aggregate's state now: its status name and a few facts worth showing beside it.</summary>
public sealed record AggregateState(string State, IReadOnlyDictionary<string, string>? Facts = null);
