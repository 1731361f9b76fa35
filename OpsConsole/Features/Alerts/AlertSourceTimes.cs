namespace OpsConsole.Features.Alerts;

/// <summary>The evaluator's state and when each source was last heard from, read in one statement for displays.</summary>
sealed class AlertSourceTimes
{
    public bool Paused { get; init; }
    public string? ChangedBy { get; init; }
    public DateTimeOffset? ChangedAt { get; init; }
    public DateTimeOffset? LastEvaluatedAt { get; init; }
    public DateTimeOffset? PricesHeardAt { get; init; }
    public DateTimeOffset? InventoryHeardAt { get; init; }
    public DateTimeOffset? TradesHeardAt { get; init; }

    // One round trip instead of one per source: a display reads this on every change. The names are the snake_case of
    // the properties, as the context's naming convention maps them.
    public const string Sql = """
        SELECT coalesce(s.paused, false) AS paused, s.changed_by, s.changed_at,
               (SELECT max(last_evaluated_at) FROM alert_rule_runs) AS last_evaluated_at,
               (SELECT max(received_at) FROM market_prices_current) AS prices_heard_at,
               (SELECT max(received_at) FROM inventory_current) AS inventory_heard_at,
               (SELECT max(greatest(last_filled_at, last_failed_at)) FROM executor_pairs_current) AS trades_heard_at
        FROM (SELECT 1) AS one LEFT JOIN alert_evaluator_state s ON s.id = 1
        """;
}
