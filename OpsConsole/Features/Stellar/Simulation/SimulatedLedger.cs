using OpsConsole.Domain.Stellar;

namespace OpsConsole.Features.Stellar.Simulation;

/// <summary>
/// An in-process Stellar network for demo and tests: it closes a ledger every 5 s of its clock, checks each envelope's
/// signature, sequence number and time bounds as Core does (at submission against the next close, and again when the
/// ledger closes), and can be told to drop, delay, defer or fail what it is sent. Every account exists, starting at
/// sequence <c>1000 &lt;&lt; 32</c>. <see cref="SimulatedRpcHandler"/> serves it in Stellar RPC's HTTP shapes,
/// <see cref="SimulatedHorizonHandler"/> in Horizon's.
/// </summary>
public sealed class SimulatedLedger(TimeProvider time, string networkPassphrase)
{
    public static readonly TimeSpan CloseEvery = TimeSpan.FromSeconds(5);
    public const long FirstLedger = 1000;

    readonly Lock gate = new();
    readonly DateTimeOffset genesis = time.GetUtcNow();
    readonly Dictionary<string, long> accounts = [];
    readonly Dictionary<string, Included> included = [];
    readonly List<Queued> queue = [];
    readonly HashSet<string> failingDestinations = [];
    readonly HashSet<string> droppedDestinations = [];
    long closed = FirstLedger;
    int dropNext, tryAgainNext, delayLedgers;
    long oldestRemembered = FirstLedger;

    public sealed record Included(long Ledger, DateTimeOffset ClosedAt, bool Successful, string EnvelopeXdr, string ResultXdr);

    sealed record Queued(string Hash, PaymentTransaction Transaction, string EnvelopeXdr, long ReleaseAt);

    /// <summary>Answers PENDING to the next <paramref name="count"/> sends and lets them vanish.</summary>
    public void DropNext(int count) { lock (gate) dropNext = count; }

    /// <summary>Answers TRY_AGAIN_LATER to the next <paramref name="count"/> sends.</summary>
    public void TryAgainLaterNext(int count) { lock (gate) tryAgainNext = count; }

    /// <summary>Holds what is sent from now on for that many more ledgers before it is applied.</summary>
    public void DelayLedgers(int count) { lock (gate) delayLedgers = count; }

    /// <summary>Payments to this destination are included but fail with op_no_trust, consuming their sequence number.</summary>
    public void FailPaymentsTo(string destination) { lock (gate) failingDestinations.Add(destination); }

    /// <summary>Payments to this destination are answered PENDING and vanish, every time they are sent: they never land.</summary>
    public void DropPaymentsTo(string destination) { lock (gate) droppedDestinations.Add(destination); }

    /// <summary>Another writer used the account's next sequence numbers.</summary>
    public void BumpSequence(string account, long by) { lock (gate) accounts[account] = SequenceOf(account) + by; }

    /// <summary>The network forgets transactions of ledgers before <paramref name="ledger"/>, as RPC does after 7 days.</summary>
    public void ForgetBefore(long ledger) { lock (gate) oldestRemembered = ledger; }

    public (long Sequence, DateTimeOffset ClosedAt) Latest()
    {
        lock (gate)
        {
            Advance();
            return (closed, CloseTime(closed));
        }
    }

    public string NetworkPassphrase => networkPassphrase;

    public long OldestRemembered { get { lock (gate) return oldestRemembered; } }

    public long AccountSequence(string account)
    {
        lock (gate)
        {
            Advance();
            return SequenceOf(account);
        }
    }

    /// <summary>The outcome of a send: its RPC status and, for ERROR, the TransactionResult XDR.</summary>
    public (string Status, string Hash, string? ErrorResultXdr) Send(string envelopeXdr)
    {
        lock (gate)
        {
            Advance();
            PaymentEnvelope envelope;
            try
            {
                envelope = PaymentXdr.FromBase64(envelopeXdr);
            }
            catch (FormatException)
            {
                return ("ERROR", "", ResultXdr(-16));
            }
            var tx = envelope.Transaction;
            var hashBytes = TransactionHash.Compute(tx, networkPassphrase);
            var hash = Convert.ToHexStringLower(hashBytes);
            if (!envelope.Signatures.Any(s => StellarSigner.Verify(tx.SourceAccount, hashBytes, s.Signature)))
                return ("ERROR", hash, ResultXdr(-6));
            if (queue.Any(q => q.Hash == hash))
                return ("DUPLICATE", hash, null);
            if (tryAgainNext > 0)
            {
                tryAgainNext--;
                return ("TRY_AGAIN_LATER", hash, null);
            }
            var next = CloseTime(closed + 1);
            if (tx.TimeBounds.MaxTime != 0 && (ulong)next.ToUnixTimeSeconds() > tx.TimeBounds.MaxTime)
                return ("ERROR", hash, ResultXdr(-3));
            if (tx.Sequence != SequenceOf(tx.SourceAccount) + 1 + queue.Count(q => q.Transaction.SourceAccount == tx.SourceAccount))
                return ("ERROR", hash, ResultXdr(-5));
            if (droppedDestinations.Contains(tx.Payment.Destination))
                return ("PENDING", hash, null);
            if (dropNext > 0)
            {
                dropNext--;
                return ("PENDING", hash, null);
            }
            queue.Add(new(hash, tx, envelopeXdr, closed + 1 + delayLedgers));
            return ("PENDING", hash, null);
        }
    }

    public Included? Find(string hash)
    {
        lock (gate)
        {
            Advance();
            return included.TryGetValue(hash, out var found) && found.Ledger >= oldestRemembered ? found : null;
        }
    }

    /// <summary>
    /// Waits on this network's clock until the transaction is in a ledger or <paramref name="patience"/> has passed, as
    /// Horizon holds a synchronous submission; null when it has not landed by then. Each wait for the next close is
    /// announced through <see cref="Waiting"/> first.
    /// </summary>
    public async Task<Included?> AwaitIncludedAsync(string hash, TimeSpan patience, CancellationToken ct)
    {
        var giveUpAt = time.GetUtcNow() + patience;
        while (true)
        {
            if (Find(hash) is { } found)
                return found;
            var now = time.GetUtcNow();
            if (now >= giveUpAt)
                return null;
            DateTimeOffset nextClose;
            lock (gate)
                nextClose = CloseTime(closed + 1);
            var wait = Task.Delay((nextClose < giveUpAt ? nextClose : giveUpAt) - now, time, ct);
            Waiting?.Invoke();
            await wait;
        }
    }

    /// <summary>Raised when a caller starts waiting for the next ledger close; a test moving the clock by hand listens.</summary>
    public event Action? Waiting;

    public int IncludedCount { get { lock (gate) { Advance(); return included.Count(i => i.Value.Successful); } } }

    public DateTimeOffset CloseTime(long ledger) => genesis + (ledger - FirstLedger) * CloseEvery;

    long SequenceOf(string account) => accounts.TryGetValue(account, out var seq) ? seq : FirstLedger << 32;

    void Advance()
    {
        var now = time.GetUtcNow();
        while (CloseTime(closed + 1) <= now)
            Close(++closed);
    }

    void Close(long ledger)
    {
        var closeTime = CloseTime(ledger);
        foreach (var q in queue.Where(q => q.ReleaseAt <= ledger).ToList())
        {
            queue.Remove(q);
            var tx = q.Transaction;
            // Core drops, without a trace, what has fallen outside its time bounds or its account's sequence.
            if (tx.TimeBounds.MaxTime != 0 && (ulong)closeTime.ToUnixTimeSeconds() > tx.TimeBounds.MaxTime)
                continue;
            if (tx.Sequence != SequenceOf(tx.SourceAccount) + 1)
                continue;
            accounts[tx.SourceAccount] = tx.Sequence;
            var fails = failingDestinations.Contains(tx.Payment.Destination);
            included[q.Hash] = new(ledger, closeTime, !fails, q.EnvelopeXdr, fails ? PaymentResultXdr(-6) : PaymentResultXdr(0));
        }
    }

    static string ResultXdr(int code)
    {
        var xdr = new XdrWriter();
        xdr.Int64(100);
        xdr.Int32(code);
        xdr.Int32(0);
        return Convert.ToBase64String(xdr.ToArray());
    }

    static string PaymentResultXdr(int paymentCode)
    {
        var xdr = new XdrWriter();
        xdr.Int64(100);
        xdr.Int32(paymentCode == 0 ? 0 : -1);
        xdr.UInt32(1);
        xdr.Int32(0);
        xdr.Int32(1);
        xdr.Int32(paymentCode);
        xdr.Int32(0);
        return Convert.ToBase64String(xdr.ToArray());
    }
}
