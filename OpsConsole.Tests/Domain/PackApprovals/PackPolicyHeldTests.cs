using OpsConsole.Domain.Alerts.Rules;

namespace OpsConsole.Tests.Domain.PackApprovals;

[Trait("Category", "Domain")]
public class PackPolicyHeldTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Received = Now.AddMinutes(-5);

    static PackHoldFact Hold(DateTimeOffset? movedOn = null, DateTimeOffset? acknowledged = null) =>
        new("demo", "run-1", "change-freeze", ["Freeze until Tuesday, token=abc123secret"], Received.AddSeconds(-2), Received, movedOn, acknowledged);

    [Fact]
    public void A_hold_raises_with_its_gate_and_messages_and_redacts_secrets()
    {
        var condition = Assert.Single(new PackPolicyHeld().Evaluate([Hold()], Now));

        Assert.Equal("demo/run-1/change-freeze", condition.Scope.Key);
        Assert.Contains("gate change-freeze", condition.Reason);
        Assert.DoesNotContain("abc123secret", condition.Reason);
        Assert.Contains(condition.Why.Facts, f => f.Name == "gate" && f.Text == "change-freeze");
    }

    [Fact]
    public void The_run_moving_on_or_an_acknowledgement_clears_it_and_a_later_hold_raises_again()
    {
        var rule = new PackPolicyHeld();
        Assert.Empty(rule.Evaluate([Hold(movedOn: Received.AddMinutes(1))], Now));
        Assert.Empty(rule.Evaluate([Hold(acknowledged: Received.AddMinutes(1))], Now));
        Assert.Single(rule.Evaluate([Hold(movedOn: Received.AddMinutes(-1), acknowledged: Received.AddMinutes(-1))], Now));
    }
}
