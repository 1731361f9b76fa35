namespace OpsConsole.Features.DeadLetters;

/// <summary>
/// Records that failed the same way (one fingerprint): how many records, how many failures they count in all, and when
/// first and last seen.
/// </summary>
public sealed record DeadLetterGroup(
    string Fingerprint,
    string Operation,
    string? ExceptionType,
    string SampleReason,
    int Count,
    int Occurrences,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
