using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Tests.Domain.DeadLetters;

[Trait("Category", "Domain")]
public class RemediationRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    static DeadLetter Letter(DeadLetterStatus status, DateTimeOffset? closedAt = null) => new()
    {
        AggregateType = "notification",
        AggregateId = "n1",
        Operation = "webhook.deliver",
        ReasonMessage = "connection refused",
        ExceptionType = "System.Net.Sockets.SocketException",
        Source = DeadLetterSources.Dispatcher,
        Fingerprint = "0123456789abcdef",
        Status = status,
        RetryCount = 8,
        FirstFailedAt = Now.AddHours(-2),
        LastFailedAt = Now.AddHours(-1),
        ClosedAt = closedAt,
    };

    [Fact]
    public void Failed_retry_reopens_counts_and_regroups_by_the_new_reason()
    {
        var letter = Letter(DeadLetterStatus.Retrying);

        var decision = DeadLetterRetries.RecordFailure(letter, "HTTP 503 from receiver", "System.Net.Http.HttpRequestException", "trace", Now);

        Assert.True(decision.IsAllowed);
        Assert.Equal((DeadLetterStatus.Unresolved, 9, Now), (letter.Status, letter.RetryCount, letter.LastFailedAt));
        Assert.Equal(Now.AddHours(-2), letter.FirstFailedAt);
        Assert.Equal("HTTP 503 from receiver", letter.ReasonMessage);
        Assert.Equal(DeadLetterFingerprint.Compute("webhook.deliver", "System.Net.Http.HttpRequestException", "HTTP 503 from receiver"), letter.Fingerprint);
    }

    [Fact]
    public void Failure_is_not_recorded_on_a_record_that_is_not_being_retried()
    {
        var letter = Letter(DeadLetterStatus.Unresolved);

        var decision = DeadLetterRetries.RecordFailure(letter, "late", null, null, Now);

        Assert.False(decision.IsAllowed);
        Assert.Equal((8, "connection refused"), (letter.RetryCount, letter.ReasonMessage));
    }

    [Theory]
    [InlineData(RemediationAction.Resolve, null, false)]
    [InlineData(RemediationAction.Resolve, "  ", false)]
    [InlineData(RemediationAction.Resolve, "Re-sent by hand", true)]
    [InlineData(RemediationAction.Discard, "", false)]
    [InlineData(RemediationAction.Discard, "Withdrawn", true)]
    [InlineData(RemediationAction.StartRetry, null, true)]
    public void Resolve_needs_a_note_and_discard_a_reason(RemediationAction action, string? note, bool accepted) =>
        Assert.Equal(accepted, RemediationNotes.Problem(action, note) is null);

    [Fact]
    public void A_note_longer_than_the_limit_is_refused() =>
        Assert.NotNull(RemediationNotes.Problem(RemediationAction.Resolve, new string('x', RemediationNotes.MaxLength + 1)));

    [Theory]
    [InlineData(DeadLetterStatus.Resolved, 91, true)]
    [InlineData(DeadLetterStatus.Discarded, 91, true)]
    [InlineData(DeadLetterStatus.Resolved, 89, false)]
    [InlineData(DeadLetterStatus.Unresolved, 400, false)]
    [InlineData(DeadLetterStatus.Retrying, 400, false)]
    public void Only_final_records_closed_before_the_cutoff_may_be_purged(DeadLetterStatus status, int closedDaysAgo, bool purge)
    {
        var letter = Letter(status, Now.AddDays(-closedDaysAgo));

        Assert.Equal(purge, DeadLetterRetention.MayPurge(letter, DeadLetterRetention.Cutoff(Now, 90)));
    }

    [Fact]
    public void Retention_of_less_than_a_day_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadLetterRetention.Cutoff(Now, 0));
}
