using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Stellar;

/// <summary>
/// What a mint submission becomes after each answer of the network: the rules that keep a mint from being lost or
/// doubled. A hash not found is final only when a ledger closed after maxTime and the network still remembers every
/// ledger the envelope could be in; a refused send is first looked up, since an envelope already in a ledger is refused
/// too; a bad sequence number is the envelope's end only when its hash stays unknown while the account has moved past it.
/// </summary>
public static class SubmissionRules
{
    /// <summary>Why nothing may be built for the request now, or null.</summary>
    public static string? Guard(ApprovalStatus status, DateTimeOffset? slaExpiry, DateTimeOffset now) =>
        status != ApprovalStatus.Approved
            ? $"The request is {status}, not Approved; only an approved mint is submitted."
            : slaExpiry is { } expiry && expiry <= now
                ? $"The request's SLA expired at {Utc(expiry)}; nothing is submitted after it."
                : null;

    /// <summary>The status after a look-up; null when nothing is proven yet and the envelope can still land.</summary>
    public static SubmissionVerdict? AfterLookup(MintSubmission submission, LookupAnswer answer)
    {
        switch (answer.Status)
        {
            case LookupStatus.Success:
                return new(SubmissionStatus.Confirmed, $"In ledger {answer.Ledger}.", null, answer.Ledger, answer.ClosedAt);
            case LookupStatus.Failed:
                var codes = Codes(answer.TransactionCode ?? "tx_failed", answer.OperationCodes);
                return new(SubmissionStatus.SubmissionFailed, ResultCodeWords.Describe(answer.TransactionCode ?? "tx_failed", answer.OperationCodes ?? []),
                    codes, answer.Ledger, answer.ClosedAt);
        }
        if (submission.MaxTime is not { } maxTime || answer.LatestLedgerClosedAt <= maxTime)
            return null;
        if (answer.OldestLedger is { } oldest && oldest > submission.BuiltAtLedger)
            return new(SubmissionStatus.Unknown,
                $"Not found, but the network only remembers ledgers from {oldest} on, and the envelope could be in one from {submission.BuiltAtLedger} on. "
                + "Check the issuing account's history before doing anything else.", null, null, null);
        return new(SubmissionStatus.TimeoutFailed,
            $"Not found, and ledger {answer.LatestLedger} closed at {Utc(answer.LatestLedgerClosedAt)}, after maxTime "
            + $"{Utc(maxTime)}: it can never land. Resubmit the request to mint with a new approval.", null, null, null);
    }

    /// <summary>After a refused send was looked up and not found: SubmissionFailed with the codes, or null when the
    /// codes are about time or sequence (the look-ups and the sequence check decide those).</summary>
    public static SubmissionVerdict? AfterRefusedSend(SendAnswer answer) =>
        answer.TransactionCode is null or "tx_bad_seq" or "tx_too_late" or "tx_too_early" or "tx_internal_error"
            ? null
            : new(SubmissionStatus.SubmissionFailed, ResultCodeWords.Describe(answer.TransactionCode, answer.OperationCodes ?? []),
                Codes(answer.TransactionCode, answer.OperationCodes), null, null);

    /// <summary>After tx_bad_seq and a look-up that found nothing: Superseded when the account's sequence has reached the
    /// envelope's (that number is used by another transaction, so this one can never land); else null.</summary>
    public static SubmissionVerdict? AfterSequenceCheck(MintSubmission submission, long accountSequence) =>
        accountSequence >= submission.Sequence
            ? new(SubmissionStatus.Superseded,
                $"Sequence {submission.Sequence} was used by another transaction (the account is at {accountSequence}) and this hash never landed.",
                "tx_bad_seq", null, null)
            : null;

    /// <summary>Whether a superseded submission may be rebuilt: once, never a rebuild again.</summary>
    public static bool MayRebuild(MintSubmission superseded) => superseded.Status == SubmissionStatus.Superseded && superseded.RebuildOf is null;

    /// <summary>The request's status for a final submission status; null while the request stays Submitted.</summary>
    public static ApprovalAction? RequestAction(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Confirmed => ApprovalAction.MarkConfirmed,
        SubmissionStatus.SubmissionFailed => ApprovalAction.MarkSubmissionFailed,
        SubmissionStatus.TimeoutFailed => ApprovalAction.MarkTimeoutFailed,
        _ => null,
    };

    /// <summary>A moment in a reason, as the console's pages write them: 2026-11-02 09:00:00 UTC.</summary>
    internal static string Utc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC";

    /// <summary>Whom an Unknown mint is escalated to: whoever raised and whoever approved the request, Critical.</summary>
    public static IReadOnlyList<ApprovalNotice> Escalation(ApprovalRequest request) =>
        [.. new[] { request.RequestedBy, request.DecidedBy }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(person => new ApprovalNotice(request.Id, Notifications.NotificationEvents.MintUnknown, ApprovalAudience.Person(person)))];

    static string Codes(string transaction, IReadOnlyList<string>? operations) =>
        string.Join(' ', new[] { transaction }.Concat(operations ?? []));

    /// <summary>Makes the verdict's change on the submission.</summary>
    public static void Apply(MintSubmission submission, SubmissionVerdict verdict, DateTimeOffset now)
    {
        submission.Status = verdict.Status;
        submission.Reason = verdict.Reason;
        submission.ResultCodes = verdict.ResultCodes ?? submission.ResultCodes;
        submission.Ledger = verdict.Ledger ?? submission.Ledger;
        submission.LedgerClosedAt = verdict.LedgerClosedAt ?? submission.LedgerClosedAt;
        if (submission.IsFinal)
            submission.FinishedAt = now;
    }
}
