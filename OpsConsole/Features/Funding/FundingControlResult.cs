namespace OpsConsole.Features.Funding;

/// <summary>How an Admin's pause, resume or refresh of the observer went: done, refused with a sentence saying why, or not
/// saved because the database could not be reached (<see cref="TryLater"/>), which a client should send again.</summary>
public sealed record FundingControlResult(bool Done, string Message, bool TryLater = false)
{
    public static FundingControlResult Ok(string message) => new(true, message);

    public static FundingControlResult Refused(string message) => new(false, message);

    public static FundingControlResult Unavailable(string message) => new(false, message, TryLater: true);
}
