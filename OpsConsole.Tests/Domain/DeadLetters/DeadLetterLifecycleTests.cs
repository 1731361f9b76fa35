using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Tests.Domain.DeadLetters;

[Trait("Category", "Domain")]
public class DeadLetterLifecycleTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    static DeadLetter Letter(DeadLetterStatus status) => new()
    {
        AggregateType = "approval_request",
        AggregateId = "a1",
        Operation = "approval.approve",
        ReasonMessage = "conflict",
        Source = DeadLetterSources.Ui,
        Fingerprint = "0123456789abcdef",
        Status = status,
    };

    [Theory]
    [InlineData(DeadLetterStatus.Unresolved, RemediationAction.StartRetry, DeadLetterStatus.Retrying)]
    [InlineData(DeadLetterStatus.Retrying, RemediationAction.RetrySucceeded, DeadLetterStatus.Resolved)]
    [InlineData(DeadLetterStatus.Retrying, RemediationAction.RetryFailed, DeadLetterStatus.Unresolved)]
    [InlineData(DeadLetterStatus.Retrying, RemediationAction.AbandonRetry, DeadLetterStatus.Unresolved)]
    [InlineData(DeadLetterStatus.Unresolved, RemediationAction.Resolve, DeadLetterStatus.Resolved)]
    [InlineData(DeadLetterStatus.Unresolved, RemediationAction.Discard, DeadLetterStatus.Discarded)]
    public void Allowed_steps_move_to_the_next_status(DeadLetterStatus from, RemediationAction action, DeadLetterStatus to)
    {
        var decision = DeadLetterLifecycle.Decide(from, action);
        Assert.True(decision.IsAllowed);
        Assert.Equal(to, decision.To);
        Assert.Null(decision.Refusal);
    }

    [Theory]
    [InlineData(DeadLetterStatus.Resolved)]
    [InlineData(DeadLetterStatus.Discarded)]
    public void Final_statuses_refuse_every_action(DeadLetterStatus final)
    {
        Assert.True(DeadLetterLifecycle.IsFinal(final));
        foreach (var action in Enum.GetValues<RemediationAction>())
        {
            var decision = DeadLetterLifecycle.Decide(final, action);
            Assert.False(decision.IsAllowed);
            Assert.Contains("already " + final.ToString().ToLowerInvariant(), decision.Refusal);
        }
    }

    [Theory]
    [InlineData(RemediationAction.StartRetry)]
    [InlineData(RemediationAction.Resolve)]
    [InlineData(RemediationAction.Discard)]
    public void A_retry_under_way_refuses_other_actions_until_its_result(RemediationAction action)
    {
        var decision = DeadLetterLifecycle.Decide(DeadLetterStatus.Retrying, action);
        Assert.False(decision.IsAllowed);
        Assert.Contains("retry is under way", decision.Refusal);
    }

    [Theory]
    [InlineData(RemediationAction.RetrySucceeded)]
    [InlineData(RemediationAction.RetryFailed)]
    [InlineData(RemediationAction.AbandonRetry)]
    public void Retry_results_are_refused_when_no_retry_is_under_way(RemediationAction action)
    {
        var decision = DeadLetterLifecycle.Decide(DeadLetterStatus.Unresolved, action);
        Assert.False(decision.IsAllowed);
        Assert.Contains("only while a retry is under way", decision.Refusal);
    }

    [Fact]
    public void Open_statuses_are_not_final()
    {
        Assert.False(DeadLetterLifecycle.IsFinal(DeadLetterStatus.Unresolved));
        Assert.False(DeadLetterLifecycle.IsFinal(DeadLetterStatus.Retrying));
    }

    [Fact]
    public void People_choose_actions_only_for_unresolved_letters()
    {
        Assert.Equal([RemediationAction.StartRetry, RemediationAction.Resolve, RemediationAction.Discard],
            DeadLetterLifecycle.ManualActions(DeadLetterStatus.Unresolved));
        Assert.Empty(DeadLetterLifecycle.ManualActions(DeadLetterStatus.Retrying));
        Assert.Empty(DeadLetterLifecycle.ManualActions(DeadLetterStatus.Resolved));
        Assert.Empty(DeadLetterLifecycle.ManualActions(DeadLetterStatus.Discarded));
    }

    [Fact]
    public void Applying_a_final_step_closes_the_letter()
    {
        var letter = Letter(DeadLetterStatus.Unresolved);
        var decision = DeadLetterLifecycle.Apply(letter, RemediationAction.Discard, Now);
        Assert.True(decision.IsAllowed);
        Assert.Equal(DeadLetterStatus.Discarded, letter.Status);
        Assert.Equal(Now, letter.ClosedAt);
    }

    [Fact]
    public void A_failed_retry_reopens_without_closing()
    {
        var letter = Letter(DeadLetterStatus.Unresolved);
        DeadLetterLifecycle.Apply(letter, RemediationAction.StartRetry, Now);
        Assert.Equal(DeadLetterStatus.Retrying, letter.Status);
        DeadLetterLifecycle.Apply(letter, RemediationAction.RetryFailed, Now);
        Assert.Equal(DeadLetterStatus.Unresolved, letter.Status);
        Assert.Null(letter.ClosedAt);
    }

    [Fact]
    public void A_refused_step_leaves_the_letter_as_it_was()
    {
        var letter = Letter(DeadLetterStatus.Resolved);
        letter.ClosedAt = Now.AddHours(-1);
        var decision = DeadLetterLifecycle.Apply(letter, RemediationAction.Discard, Now);
        Assert.False(decision.IsAllowed);
        Assert.Equal(DeadLetterStatus.Resolved, letter.Status);
        Assert.Equal(Now.AddHours(-1), letter.ClosedAt);
    }
}
