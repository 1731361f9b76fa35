namespace OpsConsole.Features.Funding.State;

/// <summary>How the observer reads each chain (<see cref="Mode"/> is Bitcoin's: Esplora or Simulated; <see cref="GnosisMode"/>
/// Rpc or Simulated), whether it is paused, who last paused or resumed it and when, and the last refresh asked for.</summary>
public sealed record FundingObserverView(string Mode, bool Paused, string? ChangedBy, DateTimeOffset? ChangedAt, string? RefreshedBy,
    DateTimeOffset? RefreshedAt, string GnosisMode);
