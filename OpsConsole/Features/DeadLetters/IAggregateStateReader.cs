namespace OpsConsole.Features.DeadLetters;

/// <summary>
/// Reads an aggregate's current state live, so staff see it beside the transition that failed. A feature whose work
/// can be dead-lettered registers one with <see cref="DeadLettersFeature.AddAggregateStateReader{TReader}"/>.
/// </summary>
public interface IAggregateStateReader
{
    string AggregateType { get; }

    /// <summary>The current state, or null when no aggregate has the id.</summary>
    Task<AggregateState?> ReadAsync(string aggregateId, CancellationToken ct);
}
