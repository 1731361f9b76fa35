using OpsConsole.Domain.Calendars;

namespace OpsConsole.Tests.Domain.Calendars;

[Trait("Category", "Domain")]
public class QuietHoursRulesTests
{
    static readonly TimeOnly Night = new(22, 0);
    static readonly TimeOnly Morning = new(7, 0);

    [Fact]
    public void A_known_zone_and_a_real_window_pass()
    {
        Assert.Empty(QuietHoursRules.Validate("Europe/Berlin", Night, Morning, enabled: true));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Pacific Standard Time")]
    [InlineData("")]
    public void Unknown_or_non_iana_zones_are_refused_on_the_time_zone_field(string zone)
    {
        var error = Assert.Single(QuietHoursRules.Validate(zone, Night, Morning, enabled: true));
        Assert.Equal(QuietHoursRules.TimeZoneField, error.Field);
        Assert.Contains("IANA", error.Message);
    }

    [Fact]
    public void An_empty_window_is_refused_only_when_quiet_hours_are_on()
    {
        var error = Assert.Single(QuietHoursRules.Validate("UTC", Night, Night, enabled: true));
        Assert.Equal(QuietHoursRules.EndField, error.Field);
        Assert.Empty(QuietHoursRules.Validate("UTC", Night, Night, enabled: false));
    }

    [Fact]
    public void A_zone_name_is_returned_trimmed()
    {
        Assert.Equal("Europe/Berlin", QuietHoursRules.KnownZoneId(" Europe/Berlin "));
        Assert.Null(QuietHoursRules.KnownZoneId("Mars/Olympus_Mons"));
    }
}
