using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Demo;

/// <summary>
/// The living demo's feeds: on with Demo:Enabled unless Demo:LiveFeeds is false (test hosts turn them off, so a test
/// sees only what it sends), posting every Demo:FeedInterval; their staleness follows the alert rules' own windows.
/// </summary>
public sealed class DemoFeedSettings : ICheckedSettings
{
    public bool Enabled { get; private set; }
    public TimeSpan Interval { get; private set; } = TimeSpan.FromSeconds(5);
    public TimeSpan PriceStaleAfter { get; private set; } = TimeSpan.FromMinutes(5);
    public TimeSpan InventoryStaleAfter { get; private set; } = TimeSpan.FromMinutes(15);

    public List<string> Problems { get; } = [];

    public void Read(IConfiguration config)
    {
        Enabled = Flag(config, "Demo:Enabled", false) && Flag(config, "Demo:LiveFeeds", true);
        Interval = CheckedSettings.PositiveTime(config, "Demo:FeedInterval", Interval, Problems);
        // The alerts feature checks these two and names them when they are wrong; here a bad one only keeps the default.
        PriceStaleAfter = CheckedSettings.PositiveTime(config, "Alerts:PriceStaleAfter", PriceStaleAfter, []);
        InventoryStaleAfter = CheckedSettings.PositiveTime(config, "Alerts:InventoryStaleAfter", InventoryStaleAfter, []);
    }

    bool Flag(IConfiguration config, string key, bool fallback)
    {
        if (config[key] is not { Length: > 0 } text)
            return fallback;
        if (bool.TryParse(text, out var value))
            return value;
        Problems.Add($"{key} must be true or false, not '{text}'");
        return fallback;
    }
}
