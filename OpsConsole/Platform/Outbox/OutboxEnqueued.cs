namespace OpsConsole.Platform.Outbox;

/// <summary>What an enqueue wrote: the rows added (repeats and channels that are off are not), and when the earliest
/// message written is due, so the dispatcher can be woken for it.</summary>
public sealed record OutboxEnqueued(int Added, DateTimeOffset? EarliestDue);
