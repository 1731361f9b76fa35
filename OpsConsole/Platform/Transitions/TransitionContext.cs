using System.Text.Json.Nodes;

namespace OpsConsole.Platform.Transitions;

/// <summary>
/// What a change is about and where it came from: everything a dead letter needs to explain and redo the work.
/// </summary>
/// <param name="Source">One of <see cref="Domain.DeadLetters.DeadLetterSources"/>.</param>
/// <param name="Payload">The input needed to redo the work; never secrets, it is shown to staff.</param>
public sealed record TransitionContext(
    string AggregateType,
    string AggregateId,
    string Operation,
    string Source,
    string? CorrelationKey = null,
    JsonObject? Payload = null);
