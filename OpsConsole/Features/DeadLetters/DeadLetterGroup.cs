namespace OpsConsole.Features.DeadLetters;

/// <summary>Records that failed the same way (one fingerprint), with how many and when first and last seen.</summary>
public sealed record DeadLetterGroup(
    string Fingerprint,
    string Operation,
    string? ExceptionType,
    string SampleReason,
    int Count,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
