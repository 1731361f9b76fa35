using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Tests.Domain.DeadLetters;

[Trait("Category", "Domain")]
public class DeadLetterRetryClaimsTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    static DeadLetter Letter(DeadLetterStatus status = DeadLetterStatus.Unresolved) => new()
    {
        AggregateType = "notification",
        AggregateId = "n1",
        Operation = "webhook.deliver",
        ReasonMessage = "connection refused",
        Source = DeadLetterSources.Dispatcher,
        Fingerprint = "0123456789abcdef",
        Status = status,
    };

    [Fact]
    public void Claiming_marks_the_record_Retrying_with_the_claim_id_and_time()
    {
        var letter = Letter();
        var claim = Guid.NewGuid();

        var decision = DeadLetterRetryClaims.Claim(letter, claim, Now);

        Assert.True(decision.IsAllowed);
        Assert.Equal((DeadLetterStatus.Retrying, claim, Now), (letter.Status, letter.RetryClaimId, letter.RetryClaimedAt));
        Assert.True(DeadLetterRetryClaims.IsHeldBy(letter, claim));
        Assert.False(DeadLetterRetryClaims.IsHeldBy(letter, Guid.NewGuid()));
    }

    [Fact]
    public void A_record_already_Retrying_cannot_be_claimed_again_and_keeps_its_claim()
    {
        var letter = Letter();
        var first = Guid.NewGuid();
        DeadLetterRetryClaims.Claim(letter, first, Now);

        var decision = DeadLetterRetryClaims.Claim(letter, Guid.NewGuid(), Now.AddMinutes(1));

        Assert.False(decision.IsAllowed);
        Assert.Equal((first, Now), (letter.RetryClaimId, letter.RetryClaimedAt));
    }

    [Theory]
    [InlineData(RemediationAction.RetrySucceeded, DeadLetterStatus.Resolved)]
    [InlineData(RemediationAction.RetryFailed, DeadLetterStatus.Unresolved)]
    [InlineData(RemediationAction.AbandonRetry, DeadLetterStatus.Unresolved)]
    public void Leaving_Retrying_releases_the_claim(RemediationAction action, DeadLetterStatus to)
    {
        var letter = Letter();
        var claim = Guid.NewGuid();
        DeadLetterRetryClaims.Claim(letter, claim, Now);

        DeadLetterLifecycle.Apply(letter, action, Now.AddMinutes(1));

        Assert.Equal(to, letter.Status);
        Assert.Null(letter.RetryClaimId);
        Assert.Null(letter.RetryClaimedAt);
        Assert.False(DeadLetterRetryClaims.IsHeldBy(letter, claim));
    }

    [Fact]
    public void A_claim_is_stale_once_it_is_as_old_as_the_limit()
    {
        var letter = Letter();
        DeadLetterRetryClaims.Claim(letter, Guid.NewGuid(), Now);

        Assert.False(DeadLetterRetryClaims.IsStale(letter, Now + Limit - TimeSpan.FromSeconds(1), Limit));
        Assert.True(DeadLetterRetryClaims.IsStale(letter, Now + Limit, Limit));
    }

    [Fact]
    public void Retrying_without_a_claim_time_is_stale_and_other_statuses_never_are()
    {
        Assert.True(DeadLetterRetryClaims.IsStale(Letter(DeadLetterStatus.Retrying), Now, Limit));
        var old = Letter();
        old.RetryClaimedAt = Now.AddDays(-1);
        Assert.False(DeadLetterRetryClaims.IsStale(old, Now, Limit));
    }

    [Fact]
    public void Abandoning_is_refused_unless_a_retry_holds_the_record()
    {
        var letter = Letter(DeadLetterStatus.Resolved);

        var decision = DeadLetterRetryClaims.Abandon(letter, Now);

        Assert.False(decision.IsAllowed);
        Assert.Equal(DeadLetterStatus.Resolved, letter.Status);
    }

    [Fact]
    public void The_stale_limit_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadLetterRetryClaims.StaleBefore(Now, TimeSpan.Zero));
    }
}
