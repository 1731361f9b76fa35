namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>The unresolved dead letters of one source (ui, api, sweeper, dispatcher, manual): how many, and the oldest.</summary>
public sealed record DeadLetterSourceFact(string Source, int Unresolved, DateTimeOffset OldestFailedAt, string OldestOperation);
