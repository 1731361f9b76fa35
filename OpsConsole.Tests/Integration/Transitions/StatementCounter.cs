using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpsConsole.Tests.Integration.Transitions;

/// <summary>Counts the statements sent through EF Core, so a test can tell set-based writing from one row at a time.</summary>
public sealed class StatementCounter : DbCommandInterceptor
{
    int count;

    public int Count => Volatile.Read(ref count);

    public void Reset() => Interlocked.Exchange(ref count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => Counted(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => Counted(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => Counted(result);

    ValueTask<T> Counted<T>(T result)
    {
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }
}
