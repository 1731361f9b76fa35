using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpsConsole.Platform.Data;

/// <summary>
/// Reads of settled data (people, their roles and quiet hours, routing rules, policies) made once per transaction: a batch
/// of changes in one transaction (an SLA batch, a batch of Task Runner events) asks for the same few answers again and
/// again. Outside a transaction every call reads afresh. The answer is what the transaction saw the first time it asked;
/// what it changes itself later is not reflected, so only data the transaction does not write belongs here.
/// </summary>
public static class TransactionReads
{
    static readonly ConditionalWeakTable<IDbContextTransaction, ConcurrentDictionary<object, object>> Answers = new();

    /// <param name="key">What is asked, with everything the answer depends on; a record or tuple that names its reader,
    /// so that two readers never share a key.</param>
    public static async Task<T> OnceAsync<T>(OpsDbContext db, object key, Func<Task<T>> read) where T : notnull
    {
        if (db.Database.CurrentTransaction is not { } tx)
            return await read();
        var known = Answers.GetValue(tx, _ => new());
        if (known.TryGetValue(key, out var answer))
            return (T)answer;
        var fresh = await read();
        known[key] = fresh;
        return fresh;
    }
}
