using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Stellar;

/// <summary>
/// A PostgreSQL session advisory lock per source account, held on a connection of its own while sequence numbers are
/// read, envelopes built and sent: two instances never build on the same sequence number.
/// </summary>
public sealed class SourceAccountLock(IDbContextFactory<OpsDbContext> contexts)
{
    /// <summary>Waits for the account's lock.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string account, CancellationToken ct) =>
        (await TakeAsync(account, wait: true, ct))!;

    /// <summary>The account's lock, or null when another instance holds it now.</summary>
    public Task<IAsyncDisposable?> TryAcquireAsync(string account, CancellationToken ct) => TakeAsync(account, wait: false, ct);

    async Task<IAsyncDisposable?> TakeAsync(string account, bool wait, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            var key = "stellar-source:" + account;
            if (wait)
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext({key}))", ct);
            else if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock(hashtext({key})) AS \"Value\"").SingleAsync(ct))
            {
                await db.DisposeAsync();
                return null;
            }
            return new Held(db, key);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    sealed class Held(OpsDbContext db, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext({key}))", CancellationToken.None);
            }
            finally
            {
                // Closing the connection releases the lock in any case.
                await db.DisposeAsync();
            }
        }
    }
}
