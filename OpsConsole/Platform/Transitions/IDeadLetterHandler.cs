using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Platform.Transitions;

/// <summary>
/// Knows how to redo one kind of failed work. The feature that produces a kind of dead letter registers its handler
/// with <see cref="TransitionsFeature.AddDeadLetterHandler{THandler}"/>.
/// </summary>
public interface IDeadLetterHandler
{
    /// <summary>The source it handles, or null for work of this kind from any source.</summary>
    string? Source { get; }
    string AggregateType { get; }
    string Operation { get; }

    Task<RetryResult> RetryAsync(DeadLetter letter, CancellationToken ct);
}
