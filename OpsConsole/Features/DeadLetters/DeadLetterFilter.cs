using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Features.DeadLetters;

/// <summary>What the list shows; a null field does not filter. By default only the records that need work.</summary>
public sealed record DeadLetterFilter(
    DeadLetterStatus? Status = DeadLetterStatus.Unresolved,
    string? Source = null,
    string? Operation = null,
    string? AggregateType = null,
    string? AggregateId = null,
    DateTimeOffset? FailedAfter = null,
    DateTimeOffset? FailedBefore = null,
    string? Fingerprint = null)
{
    public static readonly DeadLetterFilter Unresolved = new();

    public IQueryable<DeadLetter> Apply(IQueryable<DeadLetter> rows)
    {
        if (Status is { } status)
            rows = rows.Where(d => d.Status == status);
        if (!string.IsNullOrWhiteSpace(Source))
            rows = rows.Where(d => d.Source == Source.Trim());
        if (!string.IsNullOrWhiteSpace(Operation))
            rows = rows.Where(d => d.Operation == Operation.Trim());
        if (!string.IsNullOrWhiteSpace(AggregateType))
            rows = rows.Where(d => d.AggregateType == AggregateType.Trim());
        if (!string.IsNullOrWhiteSpace(AggregateId))
            rows = rows.Where(d => d.AggregateId == AggregateId.Trim());
        if (FailedAfter is { } after)
            rows = rows.Where(d => d.LastFailedAt >= after);
        if (FailedBefore is { } before)
            rows = rows.Where(d => d.LastFailedAt < before);
        if (!string.IsNullOrWhiteSpace(Fingerprint))
            rows = rows.Where(d => d.Fingerprint == Fingerprint.Trim());
        return rows;
    }
}
