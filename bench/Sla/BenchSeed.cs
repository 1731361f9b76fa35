using Npgsql;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;

/// <summary>Bulk rows for the bench, each set in one INSERT … SELECT generate_series, with the app's own JSON for payload and policy.</summary>
static class BenchSeed
{
    const string Issuer = "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7";

    static readonly string Payload = ApprovalJson.Write(new MintPayload("EURE", Issuer, Issuer, 125.5m, "invoice 7"));
    static readonly string Policy = ApprovalJson.Write(SlaPolicy.MintDefault);

    /// <summary>Pending mint requests created within the last hour: nothing is due for at least three hours.</summary>
    public static Task AddNotDueAsync(string cs, int count) => ExecuteAsync(cs, $"""
        INSERT INTO approval_requests (id, kind, title, department, requested_by, payload, status, tier, created_at,
            last_activity_at, sla_policy, next_due_at)
        SELECT gen_random_uuid(), 'Mint', 'Mint ' || n, 'treasury', 'desk@bridge.local', @payload::jsonb, 'Pending', 1,
            now() - make_interval(secs => n % 3600), now() - make_interval(secs => n % 3600), @policy::jsonb,
            now() - make_interval(secs => n % 3600) + interval '4 hours'
        FROM generate_series(1, {count}) AS n
        """);

    /// <summary>Turns <paramref name="count"/> requests due at once, as after an outage: half owe their reminder, a
    /// quarter their escalation, a quarter their expiry; each owes exactly one step.</summary>
    public static Task MakeDueAsync(string cs, int count) => ExecuteAsync(cs, $"""
        WITH picked AS (
            SELECT id, row_number() OVER (ORDER BY id) AS n FROM approval_requests
            WHERE status = 'Pending' AND reminded_at IS NULL ORDER BY id LIMIT {count})
        UPDATE approval_requests r SET
            created_at = now() - CASE WHEN p.n % 4 < 2 THEN interval '5 hours' WHEN p.n % 4 = 2 THEN interval '13 hours' ELSE interval '25 hours' END,
            last_activity_at = now() - CASE WHEN p.n % 4 < 2 THEN interval '5 hours' WHEN p.n % 4 = 2 THEN interval '13 hours' ELSE interval '25 hours' END,
            reminded_at = CASE WHEN p.n % 4 < 2 THEN NULL ELSE now() - interval '9 hours' END,
            escalated_at = CASE WHEN p.n % 4 = 3 THEN now() - interval '13 hours' ELSE NULL END,
            tier = CASE WHEN p.n % 4 = 3 THEN 2 ELSE 1 END,
            next_due_at = now() - interval '1 hour'
        FROM picked p WHERE r.id = p.id
        """);

    /// <summary>Requests titled "{label} n" whose reminder falls due one after another from <paramref name="first"/>, every
    /// <paramref name="gap"/>.</summary>
    public static Task AddDueInStreamAsync(string cs, string label, int count, DateTimeOffset first, TimeSpan gap) => ExecuteAsync(cs, $"""
        INSERT INTO approval_requests (id, kind, title, department, requested_by, payload, status, tier, created_at,
            last_activity_at, sla_policy, next_due_at)
        SELECT gen_random_uuid(), 'Mint', '{label} ' || n, 'treasury', 'desk@bridge.local', @payload::jsonb, 'Pending', 1,
            d - interval '4 hours', d - interval '4 hours', @policy::jsonb, d
        FROM generate_series(0, {count - 1}) AS n, LATERAL (SELECT @first + n * @gap AS d) AS due
        """, ("first", first.UtcDateTime), ("gap", gap));

    public static Task VacuumAnalyzeAsync(string cs) => ExecuteAsync(cs, "VACUUM ANALYZE");

    public static async Task ExecuteAsync(string cs, string sql, params (string Name, object Value)[] parameters)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        if (sql.Contains("@payload", StringComparison.Ordinal))
            cmd.Parameters.AddWithValue("payload", Payload);
        if (sql.Contains("@policy", StringComparison.Ordinal))
            cmd.Parameters.AddWithValue("policy", Policy);
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
