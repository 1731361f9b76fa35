using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>
/// The statements EF Core sends to one database while this is held, from EF Core's diagnostic events (every context of
/// the process, the app's included). Other test classes run at the same time on databases of their own, so only the
/// given database's statements are kept. <see cref="FromThisFlow"/> keeps only those sent from the caller's own flow (and
/// what it awaits), not those of another request to the same app, such as a metrics scrape elsewhere in the process.
/// </summary>
public sealed class EfStatements : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    static readonly AsyncLocal<object?> Flow = new();

    readonly string database;
    readonly object? flow;
    readonly ConcurrentQueue<string> sent = new();
    readonly List<IDisposable> subscriptions = [];

    EfStatements(string database, object? flow = null)
    {
        (this.database, this.flow) = (database, flow);
        subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>Starts keeping what is sent to the database of <paramref name="connectionString"/>.</summary>
    public static EfStatements To(string connectionString) =>
        new(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!);

    /// <summary>Starts keeping what the caller's flow sends to the database of <paramref name="connectionString"/>.</summary>
    public static EfStatements FromThisFlow(string connectionString)
    {
        // Set in a method that is not async, so the mark stays in the caller's flow after it returns.
        Flow.Value = new object();
        return new(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!, Flow.Value);
    }

    /// <summary>How many statements so far contain <paramref name="text"/>.</summary>
    public int Count(string text) => sent.Count(s => s.Contains(text, StringComparison.Ordinal));

    public void Dispose()
    {
        lock (subscriptions)
            foreach (var subscription in subscriptions)
                subscription.Dispose();
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name)
            return;
        lock (subscriptions)
            subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        if (flow is not null && !ReferenceEquals(Flow.Value, flow))
            return;
        if (e.Value is CommandEventData { Command: DbCommand command } && command.Connection?.Database == database)
            sent.Enqueue(command.CommandText);
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }
}
