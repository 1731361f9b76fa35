namespace OpsConsole.Features.Funding;

/// <summary>One pass of the observer: how many handles it read, the observations it appended, and the handles it could
/// not read (their health says why). Nothing is read while the observer is paused.</summary>
public sealed record FundingPollResult(bool Paused, int Handles, int Observed, int Failed)
{
    public static FundingPollResult WhilePaused { get; } = new(true, 0, 0, 0);
}
