namespace OpsConsole.Platform.Outbox;

/// <summary>What an enqueue wrote: the rows added (repeats and channels that are off are not), when the earliest message
/// left for the dispatcher is due, so that it can be woken for it, and the recipients of the messages delivered with the
/// change (the bell's user ids). A repeat the insert skipped still names its recipient: that bell reads again and finds
/// nothing new.</summary>
public sealed record OutboxEnqueued(int Added, DateTimeOffset? EarliestDue, IReadOnlyList<string> Bells);
