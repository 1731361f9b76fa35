namespace OpsConsole.Platform.Transitions;

/// <summary>What redoing a dead letter's work came to; a failure says why, for the people remediating it.</summary>
public sealed record RetryResult(bool Succeeded, string? Reason)
{
    public static RetryResult Success() => new(true, null);

    public static RetryResult Failure(string reason) => new(false, reason);
}
