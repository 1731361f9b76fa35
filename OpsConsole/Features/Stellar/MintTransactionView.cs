using OpsConsole.Domain.Stellar;

namespace OpsConsole.Features.Stellar;

/// <summary>One mint transaction as the request page shows it: the stored row, its envelope decoded (null for a
/// refused one), and its attempt log, oldest first.</summary>
public sealed record MintTransactionView(MintSubmission Submission, PaymentEnvelope? Envelope, IReadOnlyList<SubmissionAttempt> Attempts);
