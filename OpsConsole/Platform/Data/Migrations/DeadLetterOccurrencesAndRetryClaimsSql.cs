using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Platform.Data.Migrations;

/// <summary>
/// SQL of the DeadLetterOccurrencesAndRetryClaims migration that EF Core's model cannot express: merging the open
/// duplicates that older versions wrote, then the partial unique index that keeps one open record per work.
/// Runs after the migration has added the occurrences column (default 1).
/// </summary>
static class DeadLetterOccurrencesAndRetryClaimsSql
{
    public const string OpenWorkIndex = "ux_dead_letters_open_work";

    public static void ApplyUp(MigrationBuilder migration)
    {
        migration.Sql(MergeOpenDuplicates);
        migration.Sql(CreateOpenWorkIndex);
    }

    public static void ApplyDown(MigrationBuilder migration) =>
        migration.Sql($"DROP INDEX IF EXISTS {OpenWorkIndex};");

    /// <summary>
    /// Of several open records for one (aggregate_type, aggregate_id, operation) it keeps one — the one being retried,
    /// if any (its retry's result must land on a record that stays), else the newest — gives it the summed occurrences
    /// and the earliest and latest failure times, and marks the others Discarded; each gets a history row. The lock keeps
    /// writers from adding a duplicate between the merge and the index.
    /// </summary>
    public const string MergeOpenDuplicates = """
        LOCK TABLE dead_letters IN SHARE ROW EXCLUSIVE MODE;
        WITH ranked AS (
            SELECT id, occurrences, first_failed_at, last_failed_at,
                first_value(id) OVER keeper_first AS keeper_id,
                count(*) OVER (PARTITION BY aggregate_type, aggregate_id, operation) AS copies
            FROM dead_letters
            WHERE status IN ('Unresolved', 'Retrying')
            WINDOW keeper_first AS (PARTITION BY aggregate_type, aggregate_id, operation
                ORDER BY (status = 'Retrying') DESC, last_failed_at DESC, id DESC)
        ),
        duplicates AS (
            SELECT * FROM ranked WHERE copies > 1
        ),
        totals AS (
            SELECT keeper_id, sum(occurrences)::int AS occurrences, min(first_failed_at) AS first_failed_at,
                max(last_failed_at) AS last_failed_at, count(*) - 1 AS absorbed
            FROM duplicates GROUP BY keeper_id
        ),
        kept AS (
            UPDATE dead_letters d
            SET occurrences = t.occurrences, first_failed_at = t.first_failed_at, last_failed_at = t.last_failed_at
            FROM totals t WHERE d.id = t.keeper_id
            RETURNING d.id, t.absorbed, t.occurrences
        ),
        merged AS (
            UPDATE dead_letters d
            SET status = 'Discarded', closed_at = now(), retry_claim_id = NULL, retry_claimed_at = NULL
            FROM duplicates r WHERE d.id = r.id AND r.id <> r.keeper_id
            RETURNING d.id, r.keeper_id
        )
        INSERT INTO dead_letter_actions (dead_letter_id, at, actor, action, note, outcome)
        SELECT id, now(), 'system:dead-letters', 'dead_letter.discarded',
            'Merged into ' || keeper_id || ': one open record per aggregate and operation; its occurrences are counted there.',
            'discarded'
        FROM merged
        UNION ALL
        SELECT id, now(), 'system:dead-letters', 'dead_letter.merged',
            'Absorbed ' || absorbed || ' duplicate open record(s) of the same aggregate and operation, now Discarded; '
                || occurrences || ' occurrence(s) in all.',
            'merged'
        FROM kept;
        """;

    /// <summary>The index DeadLetterWriter's ON CONFLICT relies on; its predicate must match the writer's.</summary>
    public const string CreateOpenWorkIndex = $"""
        CREATE UNIQUE INDEX {OpenWorkIndex} ON dead_letters (aggregate_type, aggregate_id, operation)
            WHERE status IN ('Unresolved', 'Retrying');
        """;
}
