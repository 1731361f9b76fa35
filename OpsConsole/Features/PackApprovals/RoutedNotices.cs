using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.PackApprovals;

/// <summary>The notices the routing rules send about one event, and the rules that chose them (for its audit record).</summary>
public sealed record RoutedNotices(IReadOnlyList<OutboxMessage> Messages, IReadOnlyList<Guid> Rules);
