using Npgsql;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.Alerts.Ingest;

/// <summary>
/// Stores ingested records, each request's in one statement: the records go into their append-only table, a repeat of a
/// record's source id is skipped (its unique index), and the newest of each scope replaces the older in the *_current
/// table the alert rules read. One statement is one transaction: all of it is stored, or nothing. Returns, per record,
/// whether it was stored now (false: it had been stored before, or earlier in the same batch).
/// </summary>
public sealed class IngestStore(OpsConnections connections, TimeProvider time)
{
    const string Final = "('settled', 'failed', 'cancelled')";

    public Task<IReadOnlyList<bool>> StoreAsync(IReadOnlyList<MarketPrice> prices, string keyId, CancellationToken ct, MachineSignatureRecord? signature = null) =>
        StoreAsync("""
            WITH stored AS (
                INSERT INTO market_prices (pair, price, source, observed_at, received_at, key_id)
                SELECT pair, price, source, observed_at, @now, @key_id
                FROM unnest(@pair, @price, @source, @observed_at) AS i(pair, price, source, observed_at)
                ON CONFLICT (pair, source, observed_at) DO NOTHING
                RETURNING pair, price, source, observed_at
            ), newest AS (
                INSERT INTO market_prices_current AS c (pair, source, price, observed_at, received_at)
                SELECT DISTINCT ON (pair) pair, source, price, observed_at, @now FROM stored ORDER BY pair, observed_at DESC
                ON CONFLICT (pair) DO UPDATE SET source = excluded.source, price = excluded.price,
                    observed_at = excluded.observed_at, received_at = excluded.received_at
                WHERE c.observed_at < excluded.observed_at
            )
            SELECT pair, source, observed_at FROM stored
            """,
            [.. prices.Select(p => (p.Pair, p.Source, p.ObservedAt))],
            r => (r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)), keyId, signature, ct,
            Column("pair", prices, p => p.Pair), Column("price", prices, p => p.Price),
            Column("source", prices, p => p.Source), Column("observed_at", prices, p => p.ObservedAt));

    public Task<IReadOnlyList<bool>> StoreAsync(IReadOnlyList<InventorySnapshot> snapshots, string keyId, CancellationToken ct, MachineSignatureRecord? signature = null) =>
        StoreAsync("""
            WITH stored AS (
                INSERT INTO inventory_snapshots (account, asset, spendable, pending_inbound, as_of, received_at, key_id)
                SELECT account, asset, spendable, pending_inbound, as_of, @now, @key_id
                FROM unnest(@account, @asset, @spendable, @pending_inbound, @as_of) AS i(account, asset, spendable, pending_inbound, as_of)
                ON CONFLICT (account, asset, as_of) DO NOTHING
                RETURNING account, asset, spendable, pending_inbound, as_of
            ), newest AS (
                INSERT INTO inventory_current AS c (account, asset, spendable, pending_inbound, as_of, received_at)
                SELECT DISTINCT ON (account, asset) account, asset, spendable, pending_inbound, as_of, @now
                FROM stored ORDER BY account, asset, as_of DESC
                ON CONFLICT (account, asset) DO UPDATE SET spendable = excluded.spendable,
                    pending_inbound = excluded.pending_inbound, as_of = excluded.as_of, received_at = excluded.received_at
                WHERE c.as_of < excluded.as_of
            )
            SELECT account, asset, as_of FROM stored
            """,
            [.. snapshots.Select(s => (s.Account, s.Asset, s.AsOf))],
            r => (r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)), keyId, signature, ct,
            Column("account", snapshots, s => s.Account), Column("asset", snapshots, s => s.Asset),
            Column("spendable", snapshots, s => s.Spendable), Column("pending_inbound", snapshots, s => s.PendingInbound),
            Column("as_of", snapshots, s => s.AsOf));

    /// <summary>The current row follows the latest step by time; at the same time a final status wins over an open one.</summary>
    public Task<IReadOnlyList<bool>> StoreAsync(IReadOnlyList<LiquidityAction> actions, string keyId, CancellationToken ct, MachineSignatureRecord? signature = null) =>
        StoreAsync($"""
            WITH stored AS (
                INSERT INTO liquidity_actions (action_id, kind, asset, amount, status, at, received_at, key_id)
                SELECT action_id, kind, asset, amount, status, at, @now, @key_id
                FROM unnest(@action_id, @kind, @asset, @amount, @status, @at) AS i(action_id, kind, asset, amount, status, at)
                ON CONFLICT (action_id, status, at) DO NOTHING
                RETURNING action_id, kind, asset, amount, status, at
            ), latest AS (
                SELECT DISTINCT ON (action_id) action_id, kind, asset, amount, status, at, min(at) OVER (PARTITION BY action_id) AS first_at
                FROM stored ORDER BY action_id, at DESC, status IN {Final} DESC
            ), newest AS (
                INSERT INTO liquidity_actions_current AS c (action_id, kind, asset, amount, status, first_at, last_at, received_at)
                SELECT action_id, kind, asset, amount, status, first_at, at, @now FROM latest
                ON CONFLICT (action_id) DO UPDATE SET
                    kind = CASE WHEN {Newer} THEN excluded.kind ELSE c.kind END,
                    asset = CASE WHEN {Newer} THEN excluded.asset ELSE c.asset END,
                    amount = CASE WHEN {Newer} THEN excluded.amount ELSE c.amount END,
                    status = CASE WHEN {Newer} THEN excluded.status ELSE c.status END,
                    first_at = LEAST(c.first_at, excluded.first_at),
                    last_at = GREATEST(c.last_at, excluded.last_at),
                    received_at = excluded.received_at
            )
            SELECT action_id, status, at FROM stored
            """,
            [.. actions.Select(a => (a.ActionId, Lower(a.Status), a.At))],
            r => (r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)), keyId, signature, ct,
            Column("action_id", actions, a => a.ActionId), Column("kind", actions, a => a.Kind), Column("asset", actions, a => a.Asset),
            Column("amount", actions, a => a.Amount), Column("status", actions, a => Lower(a.Status)), Column("at", actions, a => a.At));

    const string Newer = $"(excluded.last_at, excluded.status IN {Final}) > (c.last_at, c.status IN {Final})";

    /// <summary>The pair's current row keeps its latest failure and its latest fill, each by the executor's time.</summary>
    public Task<IReadOnlyList<bool>> StoreAsync(IReadOnlyList<TradeResult> results, string keyId, CancellationToken ct, MachineSignatureRecord? signature = null) =>
        StoreAsync($"""
            WITH stored AS (
                INSERT INTO trade_results (trade_id, pair, status, reason, at, received_at, key_id)
                SELECT trade_id, pair, status, reason, at, @now, @key_id
                FROM unnest(@trade_id, @pair, @status, @reason, @at) AS i(trade_id, pair, status, reason, at)
                ON CONFLICT (trade_id, status) DO NOTHING
                RETURNING trade_id, pair, status, reason, at
            ), failed AS (
                SELECT DISTINCT ON (pair) pair, trade_id, reason, at FROM stored WHERE status = 'failed' ORDER BY pair, at DESC
            ), filled AS (
                SELECT DISTINCT ON (pair) pair, trade_id, at FROM stored WHERE status = 'filled' ORDER BY pair, at DESC
            ), newest AS (
                INSERT INTO executor_pairs_current AS c (pair, last_failed_trade_id, last_failed_at, last_failed_received_at,
                    last_failure_reason, last_filled_trade_id, last_filled_at)
                SELECT coalesce(f.pair, l.pair), f.trade_id, f.at, CASE WHEN f.at IS NULL THEN NULL ELSE @now END, f.reason, l.trade_id, l.at
                FROM failed f FULL JOIN filled l ON l.pair = f.pair
                ON CONFLICT (pair) DO UPDATE SET
                    last_failed_trade_id = CASE WHEN {FailedLater} THEN excluded.last_failed_trade_id ELSE c.last_failed_trade_id END,
                    last_failed_received_at = CASE WHEN {FailedLater} THEN excluded.last_failed_received_at ELSE c.last_failed_received_at END,
                    last_failure_reason = CASE WHEN {FailedLater} THEN excluded.last_failure_reason ELSE c.last_failure_reason END,
                    last_failed_at = CASE WHEN {FailedLater} THEN excluded.last_failed_at ELSE c.last_failed_at END,
                    last_filled_trade_id = CASE WHEN {FilledLater} THEN excluded.last_filled_trade_id ELSE c.last_filled_trade_id END,
                    last_filled_at = CASE WHEN {FilledLater} THEN excluded.last_filled_at ELSE c.last_filled_at END
            )
            SELECT trade_id, status FROM stored
            """,
            [.. results.Select(t => (t.TradeId, Lower(t.Status)))],
            r => (r.GetString(0), r.GetString(1)), keyId, signature, ct,
            Column("trade_id", results, t => t.TradeId), Column("pair", results, t => t.Pair), Column("status", results, t => Lower(t.Status)),
            Column("reason", results, t => t.Reason), Column("at", results, t => t.At));

    const string FailedLater = "excluded.last_failed_at > coalesce(c.last_failed_at, '-infinity')";
    const string FilledLater = "excluded.last_filled_at > coalesce(c.last_filled_at, '-infinity')";

    /// <summary>
    /// Runs one feed's insert statement over the records' columns (parameters named as the columns, with @now and @key_id)
    /// and tells, per record key in the order sent, whether the statement returned it as stored now. With the request's
    /// <paramref name="signature"/>, the signature is recorded in the same transaction, and a replay stores nothing
    /// (<see cref="MachineReplayGuard.AddTo"/>). Other features' feeds store through this too.
    /// </summary>
    public async Task<IReadOnlyList<bool>> StoreAsync<TKey>(string sql, IReadOnlyList<TKey> keys, Func<NpgsqlDataReader, TKey> readKey,
        string keyId, MachineSignatureRecord? signature, CancellationToken ct, params NpgsqlParameter[] columns) where TKey : notnull
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        var insert = new NpgsqlBatchCommand(sql);
        insert.Parameters.AddRange(columns);
        insert.Parameters.AddWithValue("now", time.GetUtcNow());
        insert.Parameters.AddWithValue("key_id", keyId);
        batch.BatchCommands.Add(insert);
        if (signature is not null)
            MachineReplayGuard.AddTo(batch, signature);
        var stored = new HashSet<TKey>();
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            if (signature is not null)
                await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
                stored.Add(readKey(reader));
        }
        // A key is stored once: by the first record that carries it; a repeat later in the batch is a duplicate.
        return [.. keys.Select(stored.Remove)];
    }

    /// <summary>One column of a batch, as an array parameter for unnest.</summary>
    public static NpgsqlParameter Column<TRecord, TValue>(string name, IReadOnlyList<TRecord> records, Func<TRecord, TValue> value) =>
        new(name, records.Select(value).ToArray());

    static string Lower<TEnum>(TEnum status) where TEnum : struct, Enum => status.ToString().ToLowerInvariant();
}
