using System.Text.Json.Nodes;
using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Features.DeadLetters;

/// <summary>
/// A dead letter as the read API returns it; the status is its name. Occurrences counts the failures of the work while
/// the record was open; RetryClaimedAt is when the retry under way (status Retrying) took it.
/// </summary>
public sealed record DeadLetterView(
    Guid Id,
    string Status,
    string Source,
    string AggregateType,
    string AggregateId,
    string Operation,
    string? FromState,
    string? ToState,
    string ReasonMessage,
    string? ExceptionType,
    int RetryCount,
    int Occurrences,
    DateTimeOffset FirstFailedAt,
    DateTimeOffset LastFailedAt,
    string? CorrelationKey,
    string Fingerprint,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? RetryClaimedAt,
    string? StackTrace,
    JsonObject? Payload)
{
    /// <summary>The list leaves out the bulky fields; the single record has them all.</summary>
    public static DeadLetterView From(DeadLetter d, bool full) => new(
        d.Id, d.Status.ToString(), d.Source, d.AggregateType, d.AggregateId, d.Operation, d.FromState, d.ToState,
        d.ReasonMessage, d.ExceptionType, d.RetryCount, d.Occurrences, d.FirstFailedAt, d.LastFailedAt, d.CorrelationKey,
        d.Fingerprint, d.ClosedAt, d.RetryClaimedAt, full ? d.StackTrace : null, full ? d.Payload : null);
}
