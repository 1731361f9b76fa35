using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.DeadLetters;

/// <summary>
/// Retry, resolve and discard, one record or many. A retry first claims the record (Unresolved → Retrying under xmin,
/// with a claim id and time), so of two people pressing Retry only one runs the handler, and its result is written only
/// while that claim still holds the record. Claim, result and closing are each a guarded transition that commits the
/// status with its history row, its audit event and its live announcement. The Remediator check is made here, not only
/// in the page.
/// </summary>
public sealed class DeadLetterRemediation(
    IDbContextFactory<OpsDbContext> dbs,
    IServiceScopeFactory scopes,
    IAuthorizationService authorization,
    GuardedTransitions transitions,
    RemediationLedger ledger,
    TimeProvider time,
    ILogger<DeadLetterRemediation> log)
{
    public const string SubjectType = RemediationLedger.SubjectType;

    public async Task<RemediationResult> RetryAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (await RefusalFor(user) is { } refused)
            return refused;
        var actor = ActorOf(user);
        await using var scope = scopes.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetRequiredService<DeadLetterHandlers>();

        var claim = await ClaimAsync(actor, id, handlers, ct);
        if (claim.Refusal is { } refusal)
            return refusal;
        var (letter, handler, claimId) = (claim.Letter!, claim.Handler!, claim.Letter!.RetryClaimId!.Value);

        RetryResult result;
        Exception? error = null;
        try
        {
            result = await handler.RetryAsync(letter, ct);
        }
        catch (Exception ex)
        {
            // A throwing handler is a failed retry like any other; the record must not stay claimed.
            error = ex;
            result = RetryResult.Failure(ex.GetBaseException().Message);
        }
        // Not the caller's token: the claim must be released even when the caller has gone.
        return await FinishRetryAsync(actor, id, claimId, result, error, CancellationToken.None);
    }

    public Task<RemediationResult> ResolveAsync(ClaimsPrincipal user, Guid id, string note, CancellationToken ct = default) =>
        CloseAsync(user, id, RemediationAction.Resolve, note, ct);

    public Task<RemediationResult> DiscardAsync(ClaimsPrincipal user, Guid id, string reason, CancellationToken ct = default) =>
        CloseAsync(user, id, RemediationAction.Discard, reason, ct);

    /// <summary>Applies the action to each record on its own; one refusal or failure does not stop the rest.</summary>
    public async Task<BulkRemediationResult> ApplyToManyAsync(
        ClaimsPrincipal user, IReadOnlyCollection<Guid> ids, RemediationAction action, string? note, CancellationToken ct = default)
    {
        if (action is not (RemediationAction.StartRetry or RemediationAction.Resolve or RemediationAction.Discard))
            throw new ArgumentOutOfRangeException(nameof(action), action, "Only Retry, Resolve and Discard are chosen by people.");
        if (await RefusalFor(user) is not null || RemediationNotes.Problem(action, note) is not null)
            return new BulkRemediationResult(0, 0, 0, ids.Count);
        var results = new List<RemediationResult>(ids.Count);
        foreach (var id in ids.Distinct())
        {
            ct.ThrowIfCancellationRequested();
            results.Add(action switch
            {
                RemediationAction.StartRetry => await RetryAsync(user, id, ct),
                _ => await CloseAsync(user, id, action, note!, ct),
            });
        }
        return BulkRemediationResult.Tally(results);
    }

    /// <summary>The same for every Unresolved record of one fingerprint group.</summary>
    public async Task<BulkRemediationResult> ApplyToGroupAsync(
        ClaimsPrincipal user, string fingerprint, RemediationAction action, string? note, CancellationToken ct = default)
    {
        List<Guid> ids;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            ids = await db.DeadLetters.AsNoTracking()
                .Where(d => d.Fingerprint == fingerprint && d.Status == DeadLetterStatus.Unresolved)
                .OrderBy(d => d.FirstFailedAt).Select(d => d.Id).ToListAsync(ct);
        }
        return await ApplyToManyAsync(user, ids, action, note, ct);
    }

    async Task<(DeadLetter? Letter, IDeadLetterHandler? Handler, RemediationResult? Refusal)> ClaimAsync(
        string actor, Guid id, DeadLetterHandlers handlers, CancellationToken ct)
    {
        DeadLetter? claimed = null;
        IDeadLetterHandler? handler = null;
        RemediationResult? refusal = null;
        var outcome = await transitions.RunAsync(Work(id, DeadLetterActions.RetryStarted, actor), async (attempt, token) =>
        {
            var db = attempt.Db;
            var letter = await db.DeadLetters.SingleOrDefaultAsync(d => d.Id == id, token);
            refusal = letter is null ? NotFound(id)
                : (handler = handlers.Find(letter)) is null ? RemediationResult.Refused(
                    $"No retry handler is registered for {letter.Operation} on {letter.AggregateType} from {letter.Source}; resolve or discard it instead.")
                : letter.Status == DeadLetterStatus.Retrying ? await AlreadyRetryingAsync(db, id, token)
                : null;
            if (refusal is not null)
                return TransitionDecision.Refuse(refusal.Message);
            var now = time.GetUtcNow();
            var from = letter!.Status;
            var decision = DeadLetterRetryClaims.Claim(letter, Guid.CreateVersion7(now), now);
            if (!decision.IsAllowed)
            {
                refusal = RemediationResult.Refused(decision.Refusal!);
                return TransitionDecision.Refuse(decision.Refusal!);
            }
            ledger.AddHistory(db, letter.Id, actor, DeadLetterActions.RetryStarted, null, "claimed");
            claimed = letter;
            return TransitionDecision.Apply(from.ToString(), letter.Status.ToString(),
                RemediationLedger.Effects(actor, DeadLetterActions.RetryStarted, letter, null, "claimed"));
        }, ct);
        return outcome is TransitionOutcome.Applied
            ? (claimed, handler, null)
            : (null, null, refusal ?? Unfinished(outcome));
    }

    async Task<RemediationResult> FinishRetryAsync(
        string actor, Guid id, Guid claimId, RetryResult result, Exception? error, CancellationToken ct)
    {
        RemediationResult? answer = null;
        var outcome = await transitions.RunAsync(Work(id, DeadLetterActions.Retried, actor), async (attempt, token) =>
        {
            var db = attempt.Db;
            // Locked, so a recurrence counted by DeadLetterWriter or the stale-claim recovery waits for this result, not the reverse.
            var letter = await db.DeadLetters.FromSql($"SELECT *, xmin FROM dead_letters WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(token);
            if (letter is null || !DeadLetterRetryClaims.IsHeldBy(letter, claimId))
                return FinishedLate(db, actor, id, letter, result, out answer);
            var now = time.GetUtcNow();
            var from = letter.Status;
            RemediationDecision decision;
            if (result.Succeeded)
            {
                decision = DeadLetterLifecycle.Apply(letter, RemediationAction.RetrySucceeded, now);
            }
            else
            {
                var cause = error?.GetBaseException();
                decision = DeadLetterRetries.RecordFailure(letter, result.Reason ?? "The retry failed without a reason.",
                    cause is null ? null : cause.GetType().FullName ?? cause.GetType().Name, error?.ToString(), now);
            }
            if (!decision.IsAllowed)
            {
                // Only a Retrying record is finished here, and the claim keeps everyone else off it.
                log.LogError("Retry of dead letter {DeadLetterId} could not be recorded: {Refusal}", id, decision.Refusal);
                answer = RemediationResult.Refused(decision.Refusal!);
                return TransitionDecision.Refuse(decision.Refusal!);
            }
            var outcome = result.Succeeded ? "resolved" : $"still failing: {letter.ReasonMessage}";
            ledger.AddHistory(db, id, actor, DeadLetterActions.Retried, null, outcome);
            answer = result.Succeeded
                ? new RemediationResult(RemediationOutcome.Resolved, "The retry succeeded; the dead letter is resolved.")
                : new RemediationResult(RemediationOutcome.StillFailing, $"The retry failed again: {letter.ReasonMessage}");
            return TransitionDecision.Apply(from.ToString(), letter.Status.ToString(), RemediationLedger.Effects(
                actor, DeadLetterActions.Retried, letter, null, result.Succeeded ? "resolved" : "still_failing"));
        }, ct);
        return outcome is TransitionOutcome.Applied or TransitionOutcome.Refused && answer is not null ? answer : Unfinished(outcome);
    }

    /// <summary>
    /// The claim was taken back (the retry ran past DeadLetters:StaleRetryAfter) and the record may have moved on; the
    /// result is kept in history and audit for staff to weigh, and the record is left as it is.
    /// </summary>
    TransitionDecision FinishedLate(OpsDbContext db, string actor, Guid id, DeadLetter? letter, RetryResult result, out RemediationResult answer)
    {
        var came = result.Succeeded ? "succeeded" : $"failed: {result.Reason ?? "no reason given"}";
        log.LogWarning("Retry of dead letter {DeadLetterId} finished after its claim was taken back ({Outcome}); the record is left as it is",
            id, came);
        if (letter is null)
        {
            answer = RemediationResult.Refused($"The retry {came}, but dead letter {id} is gone meanwhile.");
            return TransitionDecision.Refuse(answer.Message);
        }
        var outcome = result.Succeeded ? "succeeded_late" : "failed_late";
        var note = $"The retry {came}, after its claim had been taken back; the record was left {letter.Status}.";
        if (note.Length > RemediationNotes.MaxLength)
            note = note[..(RemediationNotes.MaxLength - 1)] + "…";
        ledger.AddHistory(db, id, actor, DeadLetterActions.RetryFinishedLate, note, outcome);
        answer = RemediationResult.Refused($"{note} Check the work's current state before acting on the record again.");
        return TransitionDecision.Apply(letter.Status.ToString(), letter.Status.ToString(),
            RemediationLedger.Effects(actor, DeadLetterActions.RetryFinishedLate, letter, note, outcome));
    }

    async Task<RemediationResult> CloseAsync(ClaimsPrincipal user, Guid id, RemediationAction action, string note, CancellationToken ct)
    {
        if (await RefusalFor(user) is { } refused)
            return refused;
        if (RemediationNotes.Problem(action, note) is { } problem)
            return RemediationResult.Refused(problem);
        var actor = ActorOf(user);
        note = note.Trim();
        var (auditAction, outcome) = action == RemediationAction.Resolve
            ? (DeadLetterActions.Resolved, RemediationOutcome.Resolved)
            : (DeadLetterActions.Discarded, RemediationOutcome.Discarded);
        RemediationResult? refusal = null;
        var ended = await transitions.RunAsync(Work(id, auditAction, actor), async (attempt, token) =>
        {
            var db = attempt.Db;
            var letter = await db.DeadLetters.SingleOrDefaultAsync(d => d.Id == id, token);
            refusal = letter is null ? NotFound(id)
                : letter.Status == DeadLetterStatus.Retrying ? await AlreadyRetryingAsync(db, id, token)
                : null;
            if (refusal is not null)
                return TransitionDecision.Refuse(refusal.Message);
            var from = letter!.Status;
            var decision = DeadLetterLifecycle.Apply(letter, action, time.GetUtcNow());
            if (!decision.IsAllowed)
            {
                refusal = RemediationResult.Refused(decision.Refusal!);
                return TransitionDecision.Refuse(decision.Refusal!);
            }
            var word = outcome.ToString().ToLowerInvariant();
            ledger.AddHistory(db, id, actor, auditAction, note, word);
            return TransitionDecision.Apply(from.ToString(), letter.Status.ToString(), RemediationLedger.Effects(actor, auditAction, letter, note, word));
        }, ct);
        return ended switch
        {
            TransitionOutcome.Applied => new RemediationResult(outcome, $"The dead letter is {outcome.ToString().ToLowerInvariant()}."),
            _ => refusal ?? Unfinished(ended),
        };
    }

    async Task<RemediationResult> AlreadyRetryingAsync(OpsDbContext db, Guid id, CancellationToken ct)
    {
        var by = await db.DeadLetterActions.AsNoTracking()
            .Where(a => a.DeadLetterId == id && a.Action == DeadLetterActions.RetryStarted)
            .OrderByDescending(a => a.Id).Select(a => a.Actor).FirstOrDefaultAsync(ct);
        return RemediationResult.Refused($"This dead letter is already being retried by {by ?? "someone else"}; wait for its result.");
    }

    async Task<RemediationResult?> RefusalFor(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, OpsPolicies.RemediateDeadLetters)).Succeeded
            ? null
            : RemediationResult.Refused("Only a Remediator may retry, resolve or discard dead letters.");

    static TransitionContext Work(Guid id, string operation, string actor) =>
        new(RemediationLedger.SubjectType, id.ToString(), operation, DeadLetterSources.Ui, null, new JsonObject { ["actor"] = actor });

    /// <summary>A step that neither applied nor was refused by the rules: its attempts ran out and it is a dead letter itself.</summary>
    static RemediationResult Unfinished(TransitionOutcome outcome) => outcome switch
    {
        TransitionOutcome.DeadLettered dead => RemediationResult.Refused($"The change could not be saved and was kept as dead letter {dead.DeadLetterId}: {dead.Reason}"),
        _ => RemediationResult.Refused($"The change ended as {outcome}; reload the record."),
    };

    static RemediationResult NotFound(Guid id) => new(RemediationOutcome.NotFound, $"No dead letter has the id {id}.");

    static string ActorOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name
        ?? throw new InvalidOperationException("A principal without an email or name cannot be audited.");
}
