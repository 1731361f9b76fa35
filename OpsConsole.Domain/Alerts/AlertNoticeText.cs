using System.Net;
using OpsConsole.Domain.Notifications;

namespace OpsConsole.Domain.Alerts;

/// <summary>Renders a Critical alert's notice as a title, plain text, Slack mrkdwn and HTML, each carrying the link to
/// /alerts. What feeds and rules wrote is redacted and escaped for the form it goes into.</summary>
public static class AlertNoticeText
{
    public static RenderedNotification Render(ActiveAlert alert, int sentBefore, string baseUrl)
    {
        var link = Link(baseUrl);
        var scope = SecretRedaction.Redact(alert.ScopeKey);
        var reason = SecretRedaction.Redact(alert.Reason);
        var title = sentBefore == 0
            ? $"Critical alert: {alert.Code} for {scope}"
            : $"Still raised, not acknowledged: {alert.Code} for {scope}";
        var lines = new[] { reason, $"Service: {alert.ServiceScope}. Acknowledge it on the alerts page to stop these notices." };
        return new RenderedNotification(
            title,
            string.Join("\n", lines) + $"\n\nOpen the alerts: {link}",
            $"*{Slack(title)}*\n" + string.Join("\n", lines.Select(Slack)) + $"\n<{link}|Open the alerts>",
            $"<h2>{Html(title)}</h2>\n" + string.Concat(lines.Select(l => $"<p>{Html(l)}</p>\n")) + $"<p><a href=\"{Html(link)}\">Open the alerts</a></p>");
    }

    public static string Link(string baseUrl) => $"{baseUrl.TrimEnd('/')}/alerts";

    static string Html(string text) => WebUtility.HtmlEncode(text);

    // Slack's mrkdwn gives &, < and > meaning; everything else is shown as it is.
    static string Slack(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
