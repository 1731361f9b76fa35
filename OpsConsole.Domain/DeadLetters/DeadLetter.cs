using System.Text.Json.Nodes;

namespace OpsConsole.Domain.DeadLetters;

/// <summary>Work that failed after bounded retries, kept with everything needed to understand and redo it.</summary>
public sealed class DeadLetter
{
    public Guid Id { get; set; }
    public required string AggregateType { get; set; }
    public required string AggregateId { get; set; }
    /// <summary>The operation or transition name, e.g. <c>approve</c> or <c>notification.deliver</c>.</summary>
    public required string Operation { get; set; }
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    public required string ReasonMessage { get; set; }
    public string? ExceptionType { get; set; }
    public string? StackTrace { get; set; }
    public int RetryCount { get; set; }
    /// <summary>How often this work failed while the record was open; a recurrence updates the record instead of adding one.</summary>
    public int Occurrences { get; set; } = 1;
    public DateTimeOffset FirstFailedAt { get; set; }
    public DateTimeOffset LastFailedAt { get; set; }
    /// <summary>Where the work came from: ui, api, sweeper, dispatcher, manual.</summary>
    public required string Source { get; set; }
    public string? CorrelationKey { get; set; }
    public JsonObject Payload { get; set; } = [];
    public DeadLetterStatus Status { get; set; } = DeadLetterStatus.Unresolved;
    public required string Fingerprint { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Identifies the retry that holds the record while it is Retrying; a retry finishes only while it still does.</summary>
    public Guid? RetryClaimId { get; set; }
    /// <summary>When the record was claimed for the retry under way; old claims are taken back by the recovery job.</summary>
    public DateTimeOffset? RetryClaimedAt { get; set; }
    public uint Version { get; set; }
}
