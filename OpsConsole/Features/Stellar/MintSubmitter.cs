using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Components.Shared;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Stellar.Network;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Stellar;

/// <summary>
/// Turns approved mint requests into Stellar transactions and follows each to an end an operator can trust. The envelope
/// and hash are stored before the network is called; every send and look-up is appended to the attempt log with its
/// answer; after a crash or a lost answer the stored envelope is sent again or looked up, never rebuilt while it can
/// still land. All of it runs under the issuing account's advisory lock, and every change through the executor.
/// </summary>
public sealed class MintSubmitter(
    GuardedTransitions transitions,
    IApprovalChangeEffects requestEffects,
    IStellarNetwork network,
    IssuerKey issuer,
    SourceAccountLock locks,
    IOptions<StellarOptions> options,
    IOptions<SlaOptions> sla,
    IDbContextFactory<OpsDbContext> contexts,
    TimeProvider time,
    ILogger<MintSubmitter> logger)
{
    public const string BuildOperation = "stellar.build";
    public const string RecordOperation = "stellar.record";
    static readonly ApprovalActor Actor = ApprovalActor.System("stellar");

    /// <summary>The job's pass: reconciles open submissions, then submits approved mints; skipped while another
    /// instance holds the issuing account's lock. Reconciling first confirms what landed, so that new envelopes are
    /// built behind it only when it has.</summary>
    public async Task<string> RunAsync(CancellationToken ct)
    {
        await using var held = await locks.TryAcquireAsync(issuer.AccountId, ct);
        if (held is null)
            return "skipped: another instance holds the issuing account";
        var pass = new Pass(WhenExhausted.DeadLetter);
        var open = await OpenSubmissionsAsync(ct);
        foreach (var id in open)
            await ReconcileLockedAsync(id, pass, ct);
        var submitted = 0;
        foreach (var id in await ApprovedWithoutSubmissionAsync(ct))
        {
            if (await SubmitLockedAsync(id, null, pass, ct) is not null)
                submitted++;
            // The rest would wait behind the same envelope.
            if (pass.WaitingBehind is not null)
                break;
        }
        var done = $"{open.Count} reconciled, {submitted} submitted";
        if (pass.WaitingBehind is { } hash)
            done += $"; new mints wait behind {hash}, still not found two ledgers after it was built";
        return pass.Failure is { } failure ? $"{done}; first failure: {failure}" : done;
    }

    /// <summary>Builds, stores and sends the request's mint; null when nothing was built (refused, or built before).</summary>
    public async Task<MintSubmission?> SubmitAsync(Guid requestId, CancellationToken ct = default)
    {
        await using var held = await locks.AcquireAsync(issuer.AccountId, ct);
        return await SubmitLockedAsync(requestId, null, new Pass(WhenExhausted.DeadLetter), ct);
    }

    /// <summary>Sends again or looks up one open submission, and records what the network answered.</summary>
    public async Task ReconcileAsync(Guid submissionId, CancellationToken ct = default)
    {
        await using var held = await locks.AcquireAsync(issuer.AccountId, ct);
        await ReconcileLockedAsync(submissionId, new Pass(WhenExhausted.DeadLetter), ct);
    }

    async Task<List<Guid>> ApprovedWithoutSubmissionAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Only mints of the asset this console issues: a request naming another issuer is for someone else to mint.
        return await db.ApprovalRequests.FromSql($"SELECT * FROM approval_requests WHERE payload->>'issuer' = {issuer.AccountId}")
            .Where(r => r.Status == ApprovalStatus.Approved && r.Kind == ApprovalKind.Mint)
            .Where(r => !db.Set<MintSubmission>().Any(s => s.RequestId == r.Id))
            .OrderBy(r => r.DecidedAt).Select(r => r.Id).Take(options.Value.BatchSize).ToListAsync(ct);
    }

    async Task<List<Guid>> OpenSubmissionsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.StellarSubmissions
            .Where(s => s.Status == SubmissionStatus.Built || s.Status == SubmissionStatus.Pending)
            .OrderBy(s => s.CreatedAt).Select(s => s.Id).Take(options.Value.BatchSize * 4).ToListAsync(ct);
    }

    async Task<MintSubmission?> SubmitLockedAsync(Guid requestId, Guid? rebuildOf, Pass pass, CancellationToken ct)
    {
        LedgerState latest;
        long accountSequence;
        try
        {
            latest = await network.LatestLedgerAsync(ct);
            accountSequence = await network.AccountSequenceAsync(issuer.AccountId, ct);
        }
        catch (StellarNetworkException ex)
        {
            StellarLog.NetworkUnavailable(logger, "build", requestId, ex.Message);
            pass.Fail($"The network did not answer: {ex.Message}");
            return null;
        }
        var passphrase = options.Value.NetworkPassphrase;
        MintSubmission? built = null;
        var work = new TransitionContext(ApprovalAuditActions.SubjectType, requestId.ToString(), BuildOperation, DeadLetterSources.Sweeper, null,
            new JsonObject { ["requestId"] = requestId.ToString(), ["rebuildOf"] = rebuildOf?.ToString() });
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            built = null;
            var db = attempt.Db;
            var request = await db.ApprovalRequests.SingleOrDefaultAsync(r => r.Id == requestId, token);
            if (request?.Payload is not MintPayload mint)
                return TransitionDecision.Refuse($"Request {requestId} is no mint request.");
            var exists = rebuildOf is null
                ? await db.StellarSubmissions.AnyAsync(s => s.RequestId == requestId && s.RebuildOf == null, token)
                : await db.StellarSubmissions.AnyAsync(s => s.RebuildOf == rebuildOf, token);
            if (exists)
                return TransitionDecision.Unchanged("built");
            var now = time.GetUtcNow();
            var expiry = SlaExpiry(request);
            // A rebuild replaces a superseded envelope of a request already Submitted; the guard is the same.
            var status = rebuildOf is not null && request.Status == ApprovalStatus.Submitted ? ApprovalStatus.Approved : request.Status;
            var refusal = SubmissionRules.Guard(status, expiry, now);
            if (status != ApprovalStatus.Approved)
                return TransitionDecision.Apply(request.Status.ToString(), request.Status.ToString(), SubmissionEffects.RefusedRequest(requestId, refusal!));
            TimeBounds? bounds = null;
            if (refusal is null)
                (bounds, refusal) = MintTimeBounds.For(now, options.Value.SubmitWindow, expiry);
            PaymentTransaction? tx = null;
            if (refusal is null)
            {
                // Envelopes still open hold numbers after the account's; the next one takes the lowest number none of them
                // holds, so a number left by an envelope that can no longer land is used again instead of blocking the rest.
                var held = await db.StellarSubmissions
                    .Where(s => s.SourceAccount == issuer.AccountId && s.Sequence > accountSequence
                        && (s.Status == SubmissionStatus.Built || s.Status == SubmissionStatus.Pending))
                    .Select(s => new { s.Sequence, s.BuiltAtLedger, s.Hash }).ToListAsync(token);
                var next = accountSequence + 1;
                while (held.Any(h => h.Sequence == next))
                    next++;
                // An envelope can land only after those before it. One of them still open two ledger closes after it was
                // built (it lands in the next one, and each pass looks up open envelopes before it builds) may never land:
                // a new mint waits for it to end rather than queue behind it. (A rebuild does not wait: its request has no
                // other envelope that could still land.)
                if (rebuildOf is null && held.Where(h => h.Sequence < next && h.BuiltAtLedger + 1 < latest.Sequence).MinBy(h => h.Sequence) is { } ahead)
                {
                    pass.WaitingBehind = ahead.Hash;
                    return TransitionDecision.Unchanged(nameof(ApprovalStatus.Approved));
                }
                try
                {
                    tx = MintTransaction.Build(mint, issuer.AccountId, next - 1, bounds!);
                }
                catch (ArgumentException ex)
                {
                    refusal = ex.Message;
                }
            }
            var submission = new MintSubmission
            {
                Id = Guid.NewGuid(),
                RequestId = requestId,
                SourceAccount = issuer.AccountId,
                CreatedAt = now,
                RebuildOf = rebuildOf,
                BuiltAtLedger = latest.Sequence,
            };
            db.StellarSubmissions.Add(submission);
            if (tx is null)
            {
                submission.Status = SubmissionStatus.Refused;
                submission.Reason = refusal;
                submission.FinishedAt = now;
                return TransitionDecision.Apply("", nameof(SubmissionStatus.Refused), SubmissionEffects.Of(StellarAuditActions.Refused, submission));
            }
            submission.Status = SubmissionStatus.Built;
            submission.Sequence = tx.Sequence;
            submission.EnvelopeXdr = PaymentXdr.ToBase64(issuer.Signer.Sign(tx, passphrase));
            submission.Hash = TransactionHash.ComputeHex(tx, passphrase);
            submission.MaxTime = DateTimeOffset.FromUnixTimeSeconds((long)tx.TimeBounds.MaxTime);
            var effects = SubmissionEffects.Of(StellarAuditActions.Built, submission);
            if (rebuildOf is null)
            {
                var change = ApprovalRules.Apply(request, ApprovalCommand.Mark(ApprovalAction.MarkSubmitted), Actor, now, sla.Value.Calendar);
                if (!change.IsApplied)
                    return TransitionDecision.Refuse(change.Refusal!);
                effects.Add(await requestEffects.DescribeAsync(db, request, SubmissionEffects.Actor, change.AuditAction!, change.From,
                    change.TierBefore, $"submission {submission.Id}, hash {submission.Hash}", change.Notices, token));
            }
            built = submission;
            return TransitionDecision.Apply("", nameof(SubmissionStatus.Built), effects);
        }, pass.Exhausted, ct);
        pass.Note(outcome);
        // Only an envelope that was stored is ever sent: an attempt whose commit failed built nothing.
        if (outcome is not TransitionOutcome.Applied || built is null)
            return null;
        await SendLockedAsync(built, pass, ct);
        return built;
    }

    async Task ReconcileLockedAsync(Guid submissionId, Pass pass, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var submission = await db.StellarSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null || submission.Status is not (SubmissionStatus.Built or SubmissionStatus.Pending))
            return;
        if (submission.Status == SubmissionStatus.Built)
            await SendLockedAsync(submission, pass, ct);
        else
            await LookUpLockedAsync(submission, null, [], false, pass, ct);
    }

    /// <summary>Sends the stored envelope, the same bytes every time, unless its maxTime has passed.</summary>
    async Task SendLockedAsync(MintSubmission submission, Pass pass, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (submission.MaxTime is not { } maxTime || now >= maxTime)
        {
            // Too late to send; whether an earlier send landed is for the look-up to say.
            await LookUpLockedAsync(submission, null, [Attempt(submission, "send", "NOT_SENT", null, "maxTime has passed")], true, pass, ct);
            return;
        }
        SendAnswer answer;
        try
        {
            answer = await network.SendAsync(submission.EnvelopeXdr, ct);
        }
        catch (StellarNetworkException ex)
        {
            answer = new SendAnswer(SendStatus.NoAnswer, Detail: ex.Message);
        }
        var log = Attempt(submission, "send", Words(answer), answer.LatestLedger, answer.Detail);
        switch (answer.Status)
        {
            case SendStatus.Pending or SendStatus.Duplicate:
                await RecordAsync(submission, [log], markSent: true, verdict: null, sendRefused: false, pass, ct);
                break;
            case SendStatus.TryAgainLater:
                await RecordAsync(submission, [log], markSent: false, verdict: null, sendRefused: false, pass, ct);
                break;
            default:
                // A refusal or no answer: an envelope already in a ledger is refused too, so look it up first.
                await LookUpLockedAsync(submission, answer.Status == SendStatus.Error ? answer : null, [log], false, pass, ct);
                break;
        }
    }

    async Task LookUpLockedAsync(MintSubmission submission, SendAnswer? refused, List<SubmissionAttempt> log, bool sendRefused, Pass pass, CancellationToken ct)
    {
        LookupAnswer answer;
        try
        {
            answer = await network.LookupAsync(submission.Hash, ct);
        }
        catch (StellarNetworkException ex)
        {
            log.Add(Attempt(submission, "lookup", "NO_ANSWER", null, ex.Message));
            pass.Fail($"The network did not answer the look-up: {ex.Message}");
            await RecordAsync(submission, log, markSent: false, verdict: null, sendRefused, pass, ct);
            return;
        }
        log.Add(Attempt(submission, "lookup", answer.Status switch
        {
            LookupStatus.Success => "SUCCESS",
            LookupStatus.Failed => "FAILED",
            _ => "NOT_FOUND",
        }, answer.Ledger ?? answer.LatestLedger, $"latest ledger {answer.LatestLedger} closed {UtcText.WithZone(answer.LatestLedgerClosedAt)}"
            + (answer.OldestLedger is { } oldest && oldest != long.MaxValue ? $", oldest {oldest}" : "")));
        var verdict = SubmissionRules.AfterLookup(submission, answer);
        if (verdict is null && refused is not null)
        {
            verdict = SubmissionRules.AfterRefusedSend(refused);
            if (verdict is null && refused.TransactionCode == "tx_bad_seq")
                verdict = await SequenceVerdictAsync(submission, answer, log, pass, ct);
        }
        await RecordAsync(submission, log, markSent: false, verdict, sendRefused, pass, ct);
    }

    /// <summary>Superseded only when a second look, at a later ledger, still finds the hash unknown and the account past
    /// its number: a network that had not yet ingested the ledger with it gets that long to show it.</summary>
    async Task<SubmissionVerdict?> SequenceVerdictAsync(MintSubmission submission, LookupAnswer lookup, List<SubmissionAttempt> log, Pass pass, CancellationToken ct)
    {
        long sequence;
        try
        {
            sequence = await network.AccountSequenceAsync(submission.SourceAccount, ct);
        }
        catch (StellarNetworkException ex)
        {
            log.Add(Attempt(submission, "sequence", "NO_ANSWER", null, ex.Message));
            pass.Fail($"The network did not answer for the account's sequence: {ex.Message}");
            return null;
        }
        log.Add(Attempt(submission, "sequence", sequence.ToString(CultureInfo.InvariantCulture), lookup.LatestLedger, "the account's sequence number"));
        var verdict = SubmissionRules.AfterSequenceCheck(submission, sequence);
        if (verdict is null)
            return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var earlier = await db.StellarSubmissionAttempts.Where(a => a.SubmissionId == submission.Id && a.Kind == "sequence" && a.Ledger < lookup.LatestLedger)
            .Select(a => a.Answer).ToListAsync(ct);
        if (!earlier.Any(a => long.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seen) && seen >= submission.Sequence))
            return null;
        return submission.RebuildOf is null ? verdict : verdict with
        {
            Status = SubmissionStatus.Unknown,
            Reason = verdict.Reason + " It was itself a rebuild, which is never rebuilt again: a person decides.",
        };
    }

    async Task RecordAsync(MintSubmission read, List<SubmissionAttempt> log, bool markSent, SubmissionVerdict? verdict, bool sendRefused, Pass pass, CancellationToken ct)
    {
        var work = new TransitionContext(StellarAuditActions.SubjectType, read.Id.ToString(), RecordOperation, DeadLetterSources.Sweeper, null,
            new JsonObject { ["requestId"] = read.RequestId.ToString(), ["hash"] = read.Hash });
        MintSubmission? superseded = null;
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            superseded = null;
            var db = attempt.Db;
            var submission = await db.StellarSubmissions.SingleAsync(s => s.Id == read.Id, token);
            // Another pass moved it since it was read: its answer is recorded there.
            if (submission.Status != read.Status)
                return TransitionDecision.Unchanged(submission.Status.ToString());
            var from = submission.Status.ToString();
            var now = time.GetUtcNow();
            foreach (var entry in log)
                db.StellarSubmissionAttempts.Add(entry);
            var effects = new TransitionEffects();
            if (sendRefused && !await db.StellarSubmissionAttempts.AnyAsync(a => a.SubmissionId == submission.Id && a.Answer == "NOT_SENT", token))
                effects.Add(SubmissionEffects.Of(StellarAuditActions.SendRefused, submission, "Not sent: its maxTime has passed."));
            if (markSent && submission.Status == SubmissionStatus.Built)
            {
                submission.Status = SubmissionStatus.Pending;
                submission.SentAt = now;
                effects.Add(SubmissionEffects.Of(StellarAuditActions.Sent, submission));
            }
            if (verdict is not null)
            {
                SubmissionRules.Apply(submission, verdict, now);
                effects.Add(SubmissionEffects.Of(StellarAuditActions.For(verdict.Status), submission));
                if (SubmissionRules.RequestAction(verdict.Status) is { } action)
                {
                    var request = await db.ApprovalRequests.SingleAsync(r => r.Id == submission.RequestId, token);
                    var change = ApprovalRules.Apply(request, ApprovalCommand.Mark(action, verdict.Reason), Actor, now, sla.Value.Calendar);
                    if (change.IsApplied)
                        effects.Add(await requestEffects.DescribeAsync(db, request, SubmissionEffects.Actor, change.AuditAction!, change.From,
                            change.TierBefore, verdict.Reason, change.Notices, token));
                }
                else if (verdict.Status == SubmissionStatus.Unknown)
                {
                    // Never guessed: the request stays Submitted and the people who raised and approved it are told, Critical.
                    var request = await db.ApprovalRequests.SingleAsync(r => r.Id == submission.RequestId, token);
                    effects.Add(await requestEffects.DescribeAsync(db, request, SubmissionEffects.Actor, ApprovalAuditActions.MintUnknown, request.Status,
                        request.Tier, verdict.Reason, SubmissionRules.Escalation(request), token));
                }
                if (SubmissionRules.MayRebuild(submission))
                    superseded = submission;
            }
            return effects.Audit.Count > 0
                ? TransitionDecision.Apply(from, submission.Status.ToString(), effects)
                : TransitionDecision.Recompute(from);
        }, pass.Exhausted, ct);
        pass.Note(outcome);
        // A verdict counts once it is saved; an envelope is rebuilt only after its supersession is.
        if (outcome is not TransitionOutcome.Applied)
            return;
        if (verdict is not null)
            StellarLog.Decided(logger, read.Id, read.Hash, verdict.Status.ToString());
        if (superseded is not null)
            await SubmitLockedAsync(superseded.RequestId, superseded.Id, pass, ct);
    }

    /// <summary>Redoes dead-lettered work the guarded way: builds for the request (never a blind resend), or sends the
    /// stored envelope again or looks it up; a failure is handed back instead of becoming another record.</summary>
    public async Task<RetryResult> RetryAsync(string operation, Guid id, CancellationToken ct = default)
    {
        await using var held = await locks.AcquireAsync(issuer.AccountId, ct);
        var pass = new Pass(WhenExhausted.HandBack);
        if (operation == BuildOperation)
            await SubmitLockedAsync(id, null, pass, ct);
        else
            await ReconcileLockedAsync(id, pass, ct);
        return pass.Failure is { } failure ? RetryResult.Failure(failure) : RetryResult.Success();
    }

    /// <summary>How far failures of one pass go: a dead letter each, or back to the retry that runs it.</summary>
    sealed class Pass(WhenExhausted exhausted)
    {
        public WhenExhausted Exhausted { get; } = exhausted;
        public string? Failure { get; private set; }
        /// <summary>The hash of the open envelope new mints wait behind, once a build found one.</summary>
        public string? WaitingBehind { get; set; }

        public void Fail(string reason) => Failure ??= reason;

        /// <summary>Keeps the first change that did not happen: failed, dead-lettered, or refused by the rules.</summary>
        public void Note(TransitionOutcome outcome) => Failure ??= outcome switch
        {
            TransitionOutcome.Failed failed => failed.Reason,
            TransitionOutcome.DeadLettered dead => dead.Reason,
            TransitionOutcome.Refused refused => refused.Reason,
            _ => null,
        };
    }

    DateTimeOffset? SlaExpiry(ApprovalRequest request) =>
        SlaSchedule.DueAt(request, request.Policy, sla.Value.Calendar, SlaStep.Expire);

    SubmissionAttempt Attempt(MintSubmission s, string kind, string answer, long? ledger, string? detail) => new()
    {
        SubmissionId = s.Id,
        At = time.GetUtcNow(),
        Kind = kind,
        Answer = answer,
        Ledger = ledger,
        Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
    };

    static string Words(SendAnswer answer) => answer.Status switch
    {
        SendStatus.Pending => "PENDING",
        SendStatus.Duplicate => "DUPLICATE",
        SendStatus.TryAgainLater => "TRY_AGAIN_LATER",
        SendStatus.NoAnswer => "NO_ANSWER",
        _ => string.Join(' ', new[] { "ERROR", answer.TransactionCode ?? "" }.Concat(answer.OperationCodes ?? [])).Trim(),
    };
}
