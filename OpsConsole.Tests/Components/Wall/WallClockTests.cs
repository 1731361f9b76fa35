using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Features.Wall.Pages;

namespace OpsConsole.Tests.Components.Wall;

/// <summary>The wall's clock shows UTC to the minute and turns with the minute, whenever the wall was opened.</summary>
[Trait("Category", "Component")]
public class WallClockTests : ShellContext
{
    readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 30, 40, TimeSpan.Zero));

    public WallClockTests() => Services.AddSingleton<TimeProvider>(clock);

    [Fact]
    public void The_clock_shows_hours_and_minutes_in_UTC_with_the_date()
    {
        var wall = Render<WallClock>();

        Assert.Equal("09:30", wall.Find(".wall-clock-time").TextContent);
        Assert.Equal("UTC", wall.Find(".wall-clock-zone").TextContent);
        Assert.Equal("2026-11-02", wall.Find(".wall-dim").TextContent);
    }

    [Fact]
    public void The_clock_turns_at_the_minute_and_not_before()
    {
        var wall = Render<WallClock>();

        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal("09:30", wall.Find(".wall-clock-time").TextContent);

        clock.Advance(TimeSpan.FromSeconds(1));
        wall.WaitForAssertion(() => Assert.Equal("09:31", wall.Find(".wall-clock-time").TextContent));

        clock.Advance(TimeSpan.FromMinutes(1));
        wall.WaitForAssertion(() => Assert.Equal("09:32", wall.Find(".wall-clock-time").TextContent));
    }
}
