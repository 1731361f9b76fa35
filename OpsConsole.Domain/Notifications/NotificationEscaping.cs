using System.Net;

namespace OpsConsole.Domain.Notifications;

/// <summary>How text goes into each form a notification is sent in; every template escapes through here.</summary>
public static class NotificationEscaping
{
    public static string Plain(string s) => s;

    public static string Html(string s) => WebUtility.HtmlEncode(s);

    // Slack treats only &, < and > as control characters in mrkdwn text.
    public static string Slack(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
