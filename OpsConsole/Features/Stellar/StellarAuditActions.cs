namespace OpsConsole.Features.Stellar;

/// <summary>Audit action names for mint submissions (subject type <see cref="SubjectType"/>).</summary>
public static class StellarAuditActions
{
    public const string SubjectType = "stellar_submission";
    public const string Built = "stellar.submission_built";
    public const string Refused = "stellar.submission_refused";
    public const string Sent = "stellar.submission_sent";
    public const string SendRefused = "stellar.send_refused";

    /// <summary>"stellar.submission_confirmed", "stellar.submission_timeoutfailed", …</summary>
    public static string For(Domain.Stellar.SubmissionStatus status) => $"stellar.submission_{status.ToString().ToLowerInvariant()}";
}
