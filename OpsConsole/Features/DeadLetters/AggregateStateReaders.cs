namespace OpsConsole.Features.DeadLetters;

/// <summary>The registered readers of current aggregate state, by aggregate type.</summary>
public sealed class AggregateStateReaders
{
    readonly Dictionary<string, IAggregateStateReader> readers = new(StringComparer.Ordinal);

    public AggregateStateReaders(IEnumerable<IAggregateStateReader> registered)
    {
        foreach (var reader in registered)
            if (!readers.TryAdd(reader.AggregateType, reader))
                throw new InvalidOperationException($"Two aggregate state readers claim {reader.AggregateType}.");
    }

    public IAggregateStateReader? Find(string aggregateType) => readers.GetValueOrDefault(aggregateType);
}
