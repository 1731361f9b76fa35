using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Platform.Transitions;

/// <summary>Finds the handler that can redo a dead letter: one for its exact source first, else one for any source.</summary>
public sealed class DeadLetterHandlers
{
    readonly Dictionary<(string? Source, string AggregateType, string Operation), IDeadLetterHandler> handlers = [];

    public DeadLetterHandlers(IEnumerable<IDeadLetterHandler> registered)
    {
        foreach (var handler in registered)
        {
            // Two handlers for the same work would make a retry depend on registration order.
            if (!handlers.TryAdd((handler.Source, handler.AggregateType, handler.Operation), handler))
                throw new InvalidOperationException(
                    $"Two dead-letter handlers claim {handler.Operation} on {handler.AggregateType} from {handler.Source ?? "any source"}.");
        }
    }

    public IDeadLetterHandler? Find(DeadLetter letter) =>
        handlers.GetValueOrDefault((letter.Source, letter.AggregateType, letter.Operation))
        ?? handlers.GetValueOrDefault((null, letter.AggregateType, letter.Operation));
}
