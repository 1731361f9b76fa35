namespace OpsConsole.Features.DeadLetters;

/// <summary>One source's unresolved dead letters: how many, and when the oldest of them first failed.</summary>
public sealed record DeadLetterSourceCount(string Source, int Unresolved, DateTimeOffset OldestFailedAt);
