using System.Globalization;
using System.Net;
using OpsConsole.Tests.Integration.Alerts;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>Reads /metrics of a test app, signed with the demo key, and single series out of it.</summary>
static class MetricsScrape
{
    public static async Task<string> ScrapeAsync(this AlertsApp app)
    {
        using var response = await app.GetSignedAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of one series, or null when the scrape does not have it.</summary>
    public static double? Value(string scrape, string series)
    {
        var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
