using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.Jobs;

/// <summary>Keeps job_runs_current: one row per job, upserted when a run starts and again when it ends.</summary>
public sealed class JobRunLog(IDbContextFactory<OpsDbContext> dbs, TimeProvider time)
{
    public const int MaxErrorLength = 1000;

    public async Task StartedAsync(string jobKey, string instance, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var running = nameof(JobRunOutcome.Running);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO job_runs_current (job_key, last_started_at, last_outcome, last_instance, run_count, fail_count)
            VALUES ({jobKey}, {now}, {running}, {instance}, 0, 0)
            ON CONFLICT (job_key) DO UPDATE SET last_started_at = excluded.last_started_at,
                last_outcome = excluded.last_outcome, last_instance = excluded.last_instance
            """, ct);
    }

    /// <summary>Records the end of a run; the error is the message alone, cut short, never a stack trace.</summary>
    public async Task FinishedAsync(string jobKey, string instance, string? error, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var outcome = (error is null ? JobRunOutcome.Succeeded : JobRunOutcome.Failed).ToString();
        var failed = error is null ? 0 : 1;
        if (error is { Length: > MaxErrorLength })
            error = error[..(MaxErrorLength - 1)] + "…";
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO job_runs_current (job_key, last_started_at, last_finished_at, last_outcome, last_error, last_instance, run_count, fail_count)
            VALUES ({jobKey}, {now}, {now}, {outcome}, {error}, {instance}, 1, {failed})
            ON CONFLICT (job_key) DO UPDATE SET last_finished_at = excluded.last_finished_at,
                last_outcome = excluded.last_outcome, last_error = excluded.last_error, last_instance = excluded.last_instance,
                run_count = job_runs_current.run_count + 1, fail_count = job_runs_current.fail_count + excluded.fail_count
            """, ct);
    }
}
