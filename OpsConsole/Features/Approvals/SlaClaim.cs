using Npgsql;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// The one shape of every claim the SLA timers make: Pending requests, locked FOR UPDATE (skipping rows another
/// instance holds, unless the claim must wait for its one row), in a stated order and batch size, and leaving out
/// requests whose deferral has not passed unless the claim ignores deferrals. Every claim is a superset of what is due.
/// </summary>
public sealed record SlaClaim
{
    // A request whose steps failed is left alone until its deferral passes.
    const string NotDeferred = "NOT EXISTS (SELECT 1 FROM sla_deferrals d WHERE d.request_id = r.id AND d.deferred_until > @now)";

    SlaClaim() { }

    string Filter { get; init; } = "";
    string Order { get; init; } = "r.id";
    int Limit { get; init; } = 1;
    bool HonourDeferrals { get; init; } = true;
    bool Wait { get; init; }
    DateTimeOffset Now { get; init; }
    Guid? Id { get; init; }
    Guid After { get; init; }
    Guid[] Skip { get; init; } = [];

    /// <summary>Requests whose next step is due, earliest first, except those this run already saw fail.</summary>
    public static SlaClaim Due(DateTimeOffset now, IEnumerable<Guid> skip, int size) => new()
    {
        Filter = "AND r.next_due_at <= @now AND r.id <> ALL(@skip)",
        Order = "r.next_due_at",
        Limit = size,
        Now = now,
        Skip = [.. skip],
    };

    /// <summary>Every Pending request after <paramref name="after"/> by id, for the sweep's walk.</summary>
    public static SlaClaim Sweep(DateTimeOffset now, Guid after, int size) => new()
    {
        Filter = "AND r.id > @after",
        Limit = size,
        Now = now,
        After = after,
    };

    /// <summary>One request, skipped when another instance holds it or its deferral has not passed.</summary>
    public static SlaClaim One(Guid id, DateTimeOffset now) => new() { Filter = "AND r.id = @id", Now = now, Id = id };

    /// <summary>One request for a dead letter's retry: it waits for the row and ignores any deferral.</summary>
    public static SlaClaim Retry(Guid id, DateTimeOffset now) => One(id, now) with { HonourDeferrals = false, Wait = true };

    public string Sql => $"""
        SELECT r.id AS "Value" FROM approval_requests r
        WHERE r.status = 'Pending' {Filter}
        {(HonourDeferrals ? "AND " + NotDeferred : "")}
        ORDER BY {Order} LIMIT {Limit} FOR UPDATE OF r{(Wait ? "" : " SKIP LOCKED")}
        """;

    /// <summary>When a <see cref="Due"/> claim next finds work after @after: the earliest due time of a Pending request
    /// that is not deferred, or the end of a deferral (when the request was due before it); no row when nothing is ahead.</summary>
    public static string EarliestSql => $"""
        SELECT e.at AS "Value" FROM (SELECT least(
            (SELECT r.next_due_at FROM approval_requests r
             WHERE r.status = 'Pending' AND r.next_due_at > @after AND {NotDeferred} ORDER BY r.next_due_at LIMIT 1),
            (SELECT min(greatest(d.deferred_until, r.next_due_at)) FROM sla_deferrals d JOIN approval_requests r ON r.id = d.request_id
             WHERE r.status = 'Pending' AND d.deferred_until > @now AND greatest(d.deferred_until, r.next_due_at) > @after)) AS at) e
        WHERE e.at IS NOT NULL
        """;

    public NpgsqlParameter[] Parameters() =>
    [
        new("now", Now),
        new("after", After),
        new("skip", Skip),
        new("id", Id ?? Guid.Empty),
    ];
}
