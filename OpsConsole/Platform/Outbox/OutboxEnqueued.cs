namespace OpsConsole.Platform.Outbox;

/// <summary>What an enqueue wrote: the rows added (repeats and channels that are off are not), when the earliest message
/// left for the dispatcher is due, so that it can be woken for it, and whose bells have a new notice (user ids).</summary>
public sealed record OutboxEnqueued(int Added, DateTimeOffset? EarliestDue, IReadOnlyList<string> Bells);
