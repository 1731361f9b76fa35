using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Outbox;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Notifications;

/// <summary>The retry of a dead-lettered delivery: send the message once more through its channel, now.</summary>
public abstract class NotificationRedelivery(NotificationDispatcher dispatcher, OutboxChannel channel) : IDeadLetterHandler
{
    public string? Source => DeadLetterSources.Dispatcher;
    public string AggregateType => NotificationDispatcher.AggregateType;
    public string Operation => NotificationDispatcher.OperationFor(channel);

    public Task<RetryResult> RetryAsync(DeadLetter letter, CancellationToken ct) =>
        Guid.TryParse(letter.AggregateId, out var id)
            ? dispatcher.RedeliverAsync(id, ct)
            : Task.FromResult(RetryResult.Failure($"'{letter.AggregateId}' is not an outbox id."));
}
