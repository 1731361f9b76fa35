namespace OpsConsole.Features.Funding;

/// <summary>How an Admin's pause, resume or refresh of the observer went: done, or refused with a sentence saying why.</summary>
public sealed record FundingControlResult(bool Done, string Message)
{
    public static FundingControlResult Ok(string message) => new(true, message);

    public static FundingControlResult Refused(string message) => new(false, message);
}
