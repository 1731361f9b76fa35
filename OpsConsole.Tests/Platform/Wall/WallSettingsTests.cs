using Microsoft.Extensions.Configuration;
using OpsConsole.Features.Wall;

namespace OpsConsole.Tests.Platform.Wall;

/// <summary>Wall:Token is off when empty; when set it must be long enough and fit a link, and a problem names the setting
/// without showing the token.</summary>
[Trait("Category", "Domain")]
public class WallSettingsTests
{
    static WallSettings Read(string? token)
    {
        var settings = new WallSettings();
        settings.Read(new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create(WallSettings.TokenSetting, token)]).Build());
        return settings;
    }

    [Fact]
    public void An_empty_token_turns_the_wall_link_off()
    {
        var settings = Read("");

        Assert.False(settings.TokenEnabled);
        Assert.Empty(settings.Problems);
        Assert.Equal("", settings.TokenFingerprint);
    }

    [Theory]
    [InlineData("short-token", "Wall:Token must be at least 32 characters (or empty to turn the wall token off)")]
    [InlineData("a token with spaces in it, long enough anyway", "Wall:Token may hold only letters, digits, '-', '_', '.' and '~', since it is written into a link")]
    public void A_token_that_is_too_short_or_does_not_fit_a_link_stops_start_up_without_showing_it(string token, string problem)
    {
        var settings = Read(token);

        Assert.Equal([problem], settings.Problems);
        Assert.DoesNotContain(token, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cookie_remembers_a_digest_of_the_token_that_changes_with_it()
    {
        var first = Read("0123456789abcdef0123456789abcdef-one");
        var second = Read("0123456789abcdef0123456789abcdef-two");

        Assert.Equal(32, first.TokenFingerprint.Length);
        Assert.NotEqual(first.TokenFingerprint, second.TokenFingerprint);
        Assert.DoesNotContain("0123456789abcdef", first.TokenFingerprint, StringComparison.Ordinal);
    }
}
