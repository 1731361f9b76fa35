using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;

namespace OpsConsole.Tests.Domain.Alerts;

/// <summary>Acknowledgements, silences and notices: who is told of an alert, and when no longer.</summary>
[Trait("Category", "Domain")]
public class AlertResponsesTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    static ActiveAlert Alert(AlertSeverity severity = AlertSeverity.Critical) => ActiveAlert.Raise(
        new AlertCondition("reference_price_stale", severity, new AlertScope("market", "BTC/EUR"), "stale",
            new AlertWhy("reference_price_stale", "checks", Hour, Now, []), []), Guid.NewGuid(), Now);

    [Fact]
    public void A_critical_alert_is_sent_at_once_then_again_after_the_renotify_span_until_acknowledged()
    {
        var alert = Alert();

        Assert.True(AlertNotices.Due(alert, silenced: false, Hour, Now));
        Assert.Equal("alert.raised", AlertNotices.EventKey(alert.NotifyCount));
        AlertNotices.Sent(alert, Now);
        Assert.False(AlertNotices.Due(alert, silenced: false, Hour, Now + Hour - TimeSpan.FromSeconds(1)));
        Assert.True(AlertNotices.Due(alert, silenced: false, Hour, Now + Hour));
        Assert.Equal("alert.reminder.1", AlertNotices.EventKey(alert.NotifyCount));

        AlertAcknowledgement.Apply(alert, "operator@demo.local", "On it", Now + Hour);

        Assert.False(AlertNotices.Due(alert, silenced: false, Hour, Now + 5 * Hour));
    }

    [Fact]
    public void A_silenced_or_non_critical_alert_is_not_sent()
    {
        Assert.False(AlertNotices.Due(Alert(), silenced: true, Hour, Now));
        Assert.False(AlertNotices.Due(Alert(AlertSeverity.Warning), silenced: false, Hour, Now));
    }

    [Fact]
    public void A_silence_covers_its_code_and_scope_from_its_start_until_its_end_or_until_it_is_ended()
    {
        var silence = new AlertSilence
        {
            Code = "reference_price_stale",
            ScopeKey = "BTC/EUR",
            StartsAt = Now,
            EndsAt = Now + Hour,
            Note = "maintenance",
            CreatedBy = "op",
        };
        var everyPair = new AlertSilence { Code = "reference_price_stale", StartsAt = Now, EndsAt = Now + Hour, Note = "n", CreatedBy = "op" };

        Assert.True(silence.Covers("reference_price_stale", "BTC/EUR", Now));
        Assert.False(silence.Covers("reference_price_stale", "ETH/EUR", Now));
        Assert.False(silence.Covers("inventory_snapshot_stale", "BTC/EUR", Now));
        Assert.False(silence.Covers("reference_price_stale", "BTC/EUR", Now + Hour));
        Assert.True(everyPair.Covers("reference_price_stale", "ETH/EUR", Now + Hour / 2));

        silence.EndedAt = Now + Hour / 4;

        Assert.False(silence.Covers("reference_price_stale", "BTC/EUR", Now + Hour / 2));
        Assert.Equal(Now + Hour / 4, silence.Until);
    }

    [Theory]
    [InlineData("no_such_rule", 60, "note", "is not the code of a rule")]
    [InlineData("reference_price_stale", 0, "note", "at most 30 days")]
    [InlineData("reference_price_stale", 60 * 24 * 31, "note", "at most 30 days")]
    [InlineData("reference_price_stale", 60, " ", "a note is required")]
    [InlineData("reference_price_stale", 60, "note", null)]
    public void A_silence_needs_a_known_code_a_duration_up_to_30_days_and_a_note(string code, int minutes, string note, string? problem)
    {
        var found = AlertSilence.Problem(code, [AlertCodes.ReferencePriceStale], TimeSpan.FromMinutes(minutes), note);

        if (problem is null)
            Assert.Null(found);
        else
            Assert.Contains(problem, found);
    }

    [Fact]
    public void Acknowledging_clears_only_an_alert_whose_rule_clears_that_way_and_a_second_acknowledgement_is_refused()
    {
        var stale = Alert();

        Assert.Equal(AlertAcknowledgement.Outcome.Acknowledge, AlertAcknowledgement.Decide(stale, new ReferencePriceStale(Hour), null).Outcome);
        Assert.Equal(AlertAcknowledgement.Outcome.AcknowledgeAndClear, AlertAcknowledgement.Decide(stale, new ExecutorSubmissionFailed(), "seen").Outcome);
        Assert.Equal(AlertAcknowledgement.Outcome.Refused, AlertAcknowledgement.Decide(stale, null, new string('x', 501)).Outcome);

        AlertAcknowledgement.Apply(stale, "operator@demo.local", "  looking  ", Now);

        var (outcome, refusal) = AlertAcknowledgement.Decide(stale, new ReferencePriceStale(Hour), null);
        Assert.Equal(AlertAcknowledgement.Outcome.Refused, outcome);
        Assert.Equal("This alert was already acknowledged by operator@demo.local.", refusal);
        Assert.Equal("looking", stale.AcknowledgementNote);
    }
}
