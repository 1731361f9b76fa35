using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpsConsole.Tests.Integration.Transitions;

/// <summary>Counts the commands sent through EF Core and keeps their text, so a test can tell set-based writing from one
/// row at a time (EF Core sends rows it saves one by one as the statements of one command).</summary>
public sealed class StatementCounter : DbCommandInterceptor
{
    int count;
    readonly ConcurrentQueue<string> texts = [];

    public int Count => Volatile.Read(ref count);

    /// <summary>The text of every command since the last reset.</summary>
    public IReadOnlyCollection<string> Texts => texts;

    public void Reset()
    {
        Interlocked.Exchange(ref count, 0);
        texts.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => Counted(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => Counted(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => Counted(command, result);

    ValueTask<T> Counted<T>(DbCommand command, T result)
    {
        Interlocked.Increment(ref count);
        texts.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
