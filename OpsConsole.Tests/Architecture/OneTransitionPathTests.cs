namespace OpsConsole.Tests.Architecture;

/// <summary>
/// Features decide and describe; only the executor writes a change with its audit events, notices, live
/// announcements and wake-up signals. A feature that opens a transaction or calls one of those writers is a second path, and fails here.
/// </summary>
[Trait("Category", "Domain")]
public class OneTransitionPathTests
{
    static readonly string[] Forbidden =
    [
        "BeginTransactionAsync", "BeginTransaction(", "AuditTrail", ".EnqueueAsync(", "LiveAnnouncer", "DeadLetterWriter", "WakeupSignal", "TransitionWriter",
    ];

    [Fact]
    public void No_feature_opens_a_transaction_or_writes_audit_outbox_or_live_rows_itself()
    {
        var offences = SourceTree.Files("Features")
            .SelectMany(f => f.Text.Split('\n').Select((line, i) => (f.Path, Line: i + 1, Code: line.Trim())))
            .Where(l => !l.Code.StartsWith("//", StringComparison.Ordinal))
            .SelectMany(l => Forbidden.Where(word => l.Code.Contains(word, StringComparison.Ordinal)).Select(word => $"{l.Path}:{l.Line}: {word}"))
            .ToList();

        Assert.Empty(offences);
    }
}
