namespace OpsConsole.Features.Alerts;

/// <summary>How a person's response to an alert went: done, or refused with a sentence saying why.</summary>
public sealed record AlertResponseResult(bool Done, string Message)
{
    public static AlertResponseResult Ok(string message) => new(true, message);

    public static AlertResponseResult Refused(string message) => new(false, message);
}
