using Microsoft.Extensions.Time.Testing;
using OpsConsole.Features.PackApprovals;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>The accepted events a second that tell the applying a burst is on; no database needed.</summary>
public sealed class PackIntakeRateTests
{
    readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_rate_is_the_count_of_the_whole_second_before_this_one()
    {
        var rate = new PackIntakeRate(clock);
        for (var i = 0; i < 3; i++)
            rate.Note();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        rate.Note();

        Assert.Equal(0, rate.LastSecond);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        rate.Note();
        Assert.Equal(4, rate.LastSecond);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, rate.LastSecond);
    }

    [Fact]
    public void A_second_without_events_counts_none()
    {
        var rate = new PackIntakeRate(clock);
        rate.Note();
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, rate.LastSecond);
    }
}
