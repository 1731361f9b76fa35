using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Features.Alerts;

namespace OpsConsole.Tests.Components.Alerts;

/// <summary>Alerts as the real rules describe them, for rendering.</summary>
static class AlertViews
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    public static AlertView StalePrice(DateTimeOffset? acknowledgedAt = null, DateTimeOffset? silencedUntil = null)
    {
        var observed = Now - TimeSpan.FromMinutes(7);
        var condition = new ReferencePriceStale(TimeSpan.FromMinutes(5))
            .Evaluate([new PriceFact("BTC/EUR", "kraken", 61000.25m, observed, observed + TimeSpan.FromSeconds(2))], Now).Single();
        var alert = ActiveAlert.Raise(condition, Guid.NewGuid(), Now);
        if (acknowledgedAt is { } at)
            AlertAcknowledgement.Apply(alert, "operator@demo.local", "Feed provider paged", at);
        return AlertView.Active(alert, silencedUntil);
    }
}
