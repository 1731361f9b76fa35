namespace OpsConsole.Features.Funding.State;

/// <summary>The observer's mode, whether it is paused, who last paused or resumed it and when, and the last refresh asked for.</summary>
public sealed record FundingObserverView(string Mode, bool Paused, string? ChangedBy, DateTimeOffset? ChangedAt, string? RefreshedBy,
    DateTimeOffset? RefreshedAt);
