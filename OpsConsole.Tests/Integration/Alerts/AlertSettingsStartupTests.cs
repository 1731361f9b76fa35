using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>The real executable refuses a bad Alerts setting at start with one line that names it.</summary>
[Trait("Category", "Integration")]
public sealed class AlertSettingsStartupTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData("Alerts__PriceStaleAfter", "soon", "Alerts:PriceStaleAfter must be a positive time span (e.g. 00:30:00), not 'soon'")]
    [InlineData("Alerts__CreditPendingAfter", "00:00:00", "Alerts:CreditPendingAfter must be a positive time span (e.g. 00:30:00), not '00:00:00'")]
    [InlineData("Alerts__EvaluateInterval", "-00:00:10", "Alerts:EvaluateInterval must be a positive time span (e.g. 00:30:00), not '-00:00:10'")]
    [InlineData("Alerts__NotifyRoles", "Admin, Janitor", "Alerts:NotifyRoles names an unknown role 'Janitor'; roles are Operator, Manager, TopManagement, Remediator, Viewer, Admin")]
    [InlineData("Alerts__BaseUrl", "ops.example.com", "Alerts:BaseUrl must be an absolute URL (e.g. https://ops.example.com) or empty, not 'ops.example.com'")]
    public async Task A_bad_alerts_setting_stops_start_up_naming_it(string key, string value, string message)
    {
        var (exit, _, error) = await ConsoleProcess.RunAsync(new Dictionary<string, string>
        {
            [key] = value,
            ["ConnectionStrings__OpsDb"] = fixture.ConnectionString,
        });

        Assert.Equal(1, exit);
        Assert.Equal($"OpsConsole cannot start: {message}", error.Trim());
    }
}
