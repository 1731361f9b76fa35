using OpsConsole.Domain.Identity;

namespace OpsConsole.Tests.Domain.Identity;

[Trait("Category", "Domain")]
public class SessionLifetimeTests
{
    static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    static readonly SessionLimits Limits = SessionLimits.Default;

    [Fact]
    public void A_session_in_use_stays_active_until_its_absolute_lifetime()
    {
        var lastSeen = Start.AddHours(11).AddMinutes(50);

        Assert.Equal(SessionState.Active, SessionLifetime.StateAt(Start, lastSeen, null, Limits, Start.AddHours(11).AddMinutes(59)));
        Assert.Equal(SessionState.Expired, SessionLifetime.StateAt(Start, lastSeen, null, Limits, Start.AddHours(12)));
    }

    [Fact]
    public void A_session_left_alone_times_out_after_the_idle_limit()
    {
        var lastSeen = Start.AddMinutes(10);

        Assert.Equal(SessionState.Active, SessionLifetime.StateAt(Start, lastSeen, null, Limits, lastSeen.AddMinutes(29)));
        Assert.Equal(SessionState.IdleTimedOut, SessionLifetime.StateAt(Start, lastSeen, null, Limits, lastSeen.AddMinutes(30)));
    }

    [Fact]
    public void An_ended_session_stays_ended_whatever_the_time()
    {
        Assert.Equal(SessionState.Ended, SessionLifetime.StateAt(Start, Start, Start.AddSeconds(1), Limits, Start.AddSeconds(2)));
    }

    [Fact]
    public void It_ends_at_the_earlier_of_idle_and_absolute_limits()
    {
        Assert.Equal(Start.AddMinutes(40), SessionLifetime.EndsAt(Start, Start.AddMinutes(10), Limits));
        Assert.Equal(Start.AddHours(12), SessionLifetime.EndsAt(Start, Start.AddHours(11).AddMinutes(45), Limits));
    }

    [Fact]
    public void Activity_is_written_at_most_once_a_minute()
    {
        Assert.False(SessionLifetime.ShouldTouch(Start, Start.AddSeconds(59)));
        Assert.True(SessionLifetime.ShouldTouch(Start, Start.AddMinutes(1)));
    }

    [Fact]
    public void Only_sessions_over_before_the_cutoff_may_be_purged()
    {
        var cutoff = Start.AddDays(2);

        Assert.True(SessionLifetime.MayPurge(Start, Start, Start.AddMinutes(5), Limits, cutoff));
        Assert.True(SessionLifetime.MayPurge(Start, Start.AddHours(1), null, Limits, cutoff));
        Assert.False(SessionLifetime.MayPurge(Start.AddDays(2), Start.AddDays(2), null, Limits, cutoff));
        Assert.False(SessionLifetime.MayPurge(Start, Start, Start.AddDays(3), Limits, cutoff));
    }

    [Theory]
    [InlineData(0, 60, "Auth:IdleTimeout must be a positive time span")]
    [InlineData(30, 0, "Auth:AbsoluteLifetime must be a positive time span")]
    [InlineData(90, 60, "Auth:IdleTimeout (01:30:00) must not be longer than Auth:AbsoluteLifetime (01:00:00)")]
    public void Limits_that_cannot_work_are_named(int idleMinutes, int absoluteMinutes, string problem)
    {
        var limits = new SessionLimits(TimeSpan.FromMinutes(idleMinutes), TimeSpan.FromMinutes(absoluteMinutes));

        Assert.Equal(problem, limits.Problem("Auth:IdleTimeout", "Auth:AbsoluteLifetime"));
        Assert.Null(SessionLimits.Default.Problem("Auth:IdleTimeout", "Auth:AbsoluteLifetime"));
    }
}
