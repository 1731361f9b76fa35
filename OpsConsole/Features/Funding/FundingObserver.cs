using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.Funding;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Funding;

/// <summary>
/// One pass of the funding observer: for every active handle of a chain it has a reader for (Bitcoin through Esplora,
/// Gnosis through JSON-RPC), the reader tells what the chain shows of the handle's transfers; the Domain decides each
/// transfer's next status, and an observation is appended only where one changed, with its audit event and a live change
/// on the funding topic, in one guarded transition per handle that also stores the handle's last good poll (and the
/// reader's cursor). Because the state is derived from the chain each time, a poll after an outage records whatever
/// happened meanwhile. A handle that cannot be read keeps its observations and gets its error stored; the others go on.
/// Polls of one handle at once (two instances, or the job and a refresh) take turns at writing, and one that began to
/// read before the one that wrote last writes nothing, so a transfer never steps back to what an older read saw.
/// While paused it reads nothing.
/// </summary>
public sealed class FundingObserver(
    IDbContextFactory<OpsDbContext> dbs,
    IEnumerable<IFundingChainReader> readers,
    GuardedTransitions transitions,
    TimeProvider time,
    ILogger<FundingObserver> log)
{
    public const string Operation = "funding.observe";
    static readonly string Actor = AuditEntry.System("funding-observer");
    /// <summary>The "from" of a transfer's first observation.</summary>
    const string Unseen = "unseen";
    readonly Dictionary<string, IFundingChainReader> byChain = readers.ToDictionary(r => r.Chain, StringComparer.Ordinal);

    public async Task<FundingPollResult> PollAsync(CancellationToken ct = default)
    {
        List<FundingHandle> handles;
        var chains = byChain.Keys.ToList();
        // Before anything of this pass is read: a pass that began later may have written already.
        var readAt = time.GetUtcNow();
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (await db.FundingObserverState.AsNoTracking().AnyAsync(s => s.Paused, ct))
                return FundingPollResult.WhilePaused;
            handles = await db.FundingHandles.AsNoTracking().Where(h => h.Active && chains.Contains(h.Chain))
                .OrderBy(h => h.Chain).ThenBy(h => h.Id).ToListAsync(ct);
        }
        var (observed, failed) = (0, 0);
        // Each chain's tip is read once per pass, not once per handle: half the requests to Esplora.
        var tips = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var handle in handles)
        {
            if (await ObserveAsync(handle, byChain[handle.Chain], tips, readAt, ct) is { } appended)
                observed += appended;
            else
                failed++;
        }
        return new FundingPollResult(false, handles.Count, observed, failed);
    }

    /// <summary>The observations appended for the handle, or null when it could not be read or saved.</summary>
    async Task<int?> ObserveAsync(FundingHandle handle, IFundingChainReader reader, Dictionary<string, long> tips, DateTimeOffset readAt,
        CancellationToken ct)
    {
        ChainReading reading;
        try
        {
            if (!tips.TryGetValue(reader.Chain, out var tip))
                tips[reader.Chain] = tip = await reader.TipAsync(ct);
            var (open, scannedTo) = await OpenTransfersAsync(handle, ct);
            reading = await reader.ReadAsync(handle, tip, open, scannedTo, ct);
        }
        catch (ChainReadException ex)
        {
            FundingLog.ReadFailed(log, handle.Label, ex.Message);
            await RecordErrorAsync(handle, ex.Message, ct);
            return null;
        }

        var now = time.GetUtcNow();
        var (source, required) = (reader.Source, reader.RequiredConfirmations);
        var transfers = reading.Transfers;
        var outcome = await transitions.RunBatchAsync(Work(handle), async (attempt, token) =>
        {
            var db = attempt.Db;
            var health = await HealthAsync(db, handle, token);
            // Another poll of this handle began to read the chain after this one, and has written what it saw already.
            if (health.LastReadAt > readAt)
                return [TransitionDecision.Unchanged("read before a later poll")];
            health.LastReadAt = readAt;
            health.LastGoodPollAt = now;
            health.ScannedToBlock = reading.ScannedToBlock ?? health.ScannedToBlock;
            var hashes = transfers.Keys.ToList();
            var current = await db.FundingObservationsCurrent.Where(c => c.FundingHandle == handle.Id && hashes.Contains(c.TxHash))
                .ToDictionaryAsync(c => c.TxHash, token);
            var credits = await db.BridgeDeposits.AsNoTracking().Where(d => hashes.Contains(d.DepositTxHash)).ToDictionaryAsync(d => d.DepositTxHash, token);
            var decisions = new List<TransitionDecision>();
            foreach (var (tx, (chain, amount)) in transfers.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var last = current.GetValueOrDefault(tx);
                var credit = credits.GetValueOrDefault(tx);
                if (FundingProgress.Next(last is null ? null : new(last.Status, last.Confirmations), chain, required, credit is not null) is not { } step)
                    continue;
                var row = new FundingObservation
                {
                    AccountId = handle.Account,
                    AssetId = handle.Asset,
                    Chain = handle.Chain,
                    FundingHandle = handle.Id,
                    Source = source,
                    TxHash = tx,
                    Status = step.Status,
                    Amount = amount,
                    Confirmations = step.Confirmations,
                    FirstSeenAt = last?.FirstSeenAt ?? now,
                    LastSeenAt = chain.Place == ChainPlace.Gone ? last?.LastSeenAt ?? now : now,
                    CreditedAt = credit?.CreditedAt,
                    BridgeDepositTxHash = credit?.DepositTxHash,
                    IngestedAt = now,
                };
                db.FundingObservations.Add(row);
                var from = last?.Status ?? Unseen;
                if (last is null)
                {
                    last = new FundingObservationCurrent { FundingHandle = handle.Id, TxHash = tx, AccountId = "", AssetId = "", Chain = "", Status = "" };
                    db.FundingObservationsCurrent.Add(last);
                }
                last.Take(row);
                decisions.Add(TransitionDecision.Apply(from, step.Status, TransitionEffects.Of(new AuditEntry(Actor, FundingAuditActions.Observed,
                    FundingAuditActions.TransferSubjectType, tx, Describe(handle, row, from)), Live(handle, row, from))));
            }
            decisions.Add(TransitionDecision.Recompute("polled"));
            return decisions;
        }, WhenExhausted.HandBack, ct);

        if (outcome.Failure is { } failure)
        {
            var reason = failure is TransitionOutcome.Failed f ? f.Reason : failure.ToString();
            FundingLog.NotWritten(log, handle.Label, reason);
            await RecordErrorAsync(handle, $"What was read could not be saved: {reason}", ct);
            return null;
        }
        return outcome.Items.Count(i => i is TransitionOutcome.Applied);
    }

    /// <summary>The handle's transfers still on their way (neither credited nor dropped), which every read must place, and
    /// the cursor its reader returned last.</summary>
    async Task<(List<FundingObservationCurrent> Open, long? ScannedTo)> OpenTransfersAsync(FundingHandle handle, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var open = await db.FundingObservationsCurrent.AsNoTracking()
            .Where(c => c.FundingHandle == handle.Id && c.Status != FundingObservationStatus.Credited && c.Status != FundingObservationStatus.Dropped)
            .ToListAsync(ct);
        var scannedTo = await db.FundingObserverHealth.AsNoTracking().Where(h => h.FundingHandle == handle.Id).Select(h => h.ScannedToBlock).SingleOrDefaultAsync(ct);
        return (open, scannedTo);
    }

    /// <summary>Stores the handle's last error (bookkeeping, unaudited); its observations stay as they are.</summary>
    async Task RecordErrorAsync(FundingHandle handle, string error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await transitions.RunAsync(Work(handle), async (attempt, token) =>
        {
            var health = await HealthAsync(attempt.Db, handle, token);
            health.LastErrorAt = now;
            health.LastError = error.Length <= 1000 ? error : error[..1000];
            return TransitionDecision.Recompute("unreadable");
        }, WhenExhausted.HandBack, ct);
    }

    /// <summary>The handle's health row, tracked and locked before anything else is read: two polls of one handle at once
    /// take turns, and the second reads what the first wrote. Two first polls both insert it; one retries.</summary>
    static async Task<FundingObserverHealth> HealthAsync(OpsDbContext db, FundingHandle handle, CancellationToken ct) =>
        await db.FundingObserverHealth
            .FromSqlRaw("SELECT h.*, h.xmin FROM funding_observer_health h WHERE h.funding_handle = {0} FOR UPDATE", handle.Id)
            .SingleOrDefaultAsync(ct)
        ?? db.FundingObserverHealth.Add(new FundingObserverHealth { FundingHandle = handle.Id }).Entity;

    static JsonObject Describe(FundingHandle handle, FundingObservation row, string from) => new()
    {
        ["handle"] = handle.Id.ToString(),
        ["label"] = handle.Label,
        ["account"] = handle.Account,
        ["asset"] = handle.Asset,
        ["from"] = from,
        ["status"] = row.Status,
        ["confirmations"] = row.Confirmations,
        ["amount"] = row.Amount,
        ["bridgeDepositTxHash"] = row.BridgeDepositTxHash,
    };

    /// <summary>Names the handle as the subject, so that the funding page reloads the one handle whose transfer moved.</summary>
    static LiveChange Live(FundingHandle handle, FundingObservation row, string from) =>
        new(LiveTopics.Funding, from == Unseen ? LiveChange.Created : LiveChange.Changed, handle.Id.ToString(), new Dictionary<string, string>
        {
            ["chain"] = handle.Chain,
            ["asset"] = handle.Asset,
            ["txHash"] = row.TxHash,
            ["status"] = row.Status,
            ["confirmations"] = row.Confirmations.ToString(CultureInfo.InvariantCulture),
        });

    static TransitionContext Work(FundingHandle handle) =>
        new(FundingAuditActions.HandleSubjectType, handle.Id.ToString(), Operation, DeadLetterSources.Sweeper);
}
