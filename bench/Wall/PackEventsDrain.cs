using System.Diagnostics;
using Npgsql;

/// <summary>
/// After a pack ingest run: waits until the console has applied every event it accepted (each answered 202 once stored,
/// then applied by its processing), at most 10 minutes, and says how long that took and how fast events were applied.
/// </summary>
static class PackEventsDrain
{
    public static async Task<string> WaitAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var waited = Stopwatch.StartNew();
        long waiting;
        do
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM pack_events WHERE applied_at IS NULL", db);
            waiting = (long)(await count.ExecuteScalarAsync())!;
            if (waiting > 0)
                await Task.Delay(500);
        }
        while (waiting > 0 && waited.Elapsed < TimeSpan.FromMinutes(10));
        await using var cmd = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE applied_at IS NOT NULL), count(*) FILTER (WHERE applied_at IS NULL),
                   extract(epoch FROM max(applied_at) - min(received_at)),
                   percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - received_at))
            FROM pack_events
            """, db);
        await using var row = await cmd.ExecuteReaderAsync();
        await row.ReadAsync();
        var (applied, left) = (row.GetInt64(0), row.GetInt64(1));
        var span = row.IsDBNull(2) ? 0 : (double)row.GetDecimal(2);
        var lag = row.IsDBNull(3) ? [0, 0] : row.GetFieldValue<double[]>(3);
        return $"applied {applied:N0} accepted events ({left:N0} still waiting) {waited.Elapsed.TotalSeconds:F1} s after the last was sent; "
            + $"{(span > 0 ? applied / span : 0):F0} applied/s from the first accepted to the last applied; "
            + $"accepted to applied p50 {lag[0] * 1000:F0} ms, p99 {lag[1] * 1000:F0} ms";
    }
}
