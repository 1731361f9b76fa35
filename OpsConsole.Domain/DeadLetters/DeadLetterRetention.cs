namespace OpsConsole.Domain.DeadLetters;

/// <summary>Which closed records may be purged: final ones closed before the cutoff; open ones never.</summary>
public static class DeadLetterRetention
{
    public static DateTimeOffset Cutoff(DateTimeOffset now, int retentionDays) =>
        retentionDays >= 1 ? now.AddDays(-retentionDays) : throw new ArgumentOutOfRangeException(nameof(retentionDays), retentionDays, "Retention must be at least one day.");

    public static bool MayPurge(DeadLetter letter, DateTimeOffset cutoff) =>
        DeadLetterLifecycle.IsFinal(letter.Status) && letter.ClosedAt is { } closed && closed < cutoff;
}
