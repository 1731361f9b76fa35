using System.Globalization;
using System.Text;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Notifications;

/// <summary>Renders each approval event as a title, plain text, Slack mrkdwn and HTML, all carrying the request link.
/// Text that users or systems supplied is redacted everywhere and escaped for the form it goes into.</summary>
public static class NotificationTemplates
{
    public static RenderedNotification Render(string eventKey, NotificationModel model)
    {
        // Redacted once, then escaped for each form: an SLA batch renders thousands of these.
        var safe = model with
        {
            Title = SecretRedaction.Redact(model.Title),
            AssetCode = model.AssetCode is null ? null : SecretRedaction.Redact(model.AssetCode),
            Department = SecretRedaction.Redact(model.Department),
            Actor = model.Actor is null ? null : SecretRedaction.Redact(model.Actor),
            Reason = model.Reason is null ? null : SecretRedaction.Redact(model.Reason),
        };
        var link = model.Link;
        var title = Headline(eventKey, safe, s => s);
        var text = string.Join("\n", Body(eventKey, safe, s => s)) + $"\n\nOpen the request: {link}";
        var slack = $"*{SlackEscape(title)}*\n" + string.Join("\n", Body(eventKey, safe, SlackEscape)) + $"\n<{link}|Open the request>";
        var html = new StringBuilder(512).Append("<h2>").Append(Html(title)).Append("</h2>\n");
        foreach (var line in Body(eventKey, safe, Html))
            html.Append("<p>").Append(line).Append("</p>\n");
        html.Append("<p><a href=\"").Append(Html(link)).Append("\">Open the request</a></p>");
        return new RenderedNotification(title, text, slack, html.ToString());
    }

    static string Headline(string key, NotificationModel m, Func<string, string> user) => key switch
    {
        NotificationEvents.ApprovalRequested => $"Approval needed: {user(m.Title)}",
        NotificationEvents.ApprovalReminder => $"Reminder: {user(m.Title)} still waits for a decision",
        NotificationEvents.ApprovalEscalated => $"Escalated to tier {m.Tier}: {user(m.Title)}",
        NotificationEvents.ApprovalEscalatedFinal => $"Final escalation (tier {m.Tier}): {user(m.Title)}",
        NotificationEvents.ApprovalExpired => $"Expired without a decision: {user(m.Title)}",
        NotificationEvents.ApprovalDecided => $"{m.Outcome?.ToString() ?? "Decided"}: {user(m.Title)}",
        NotificationEvents.MintFailed => $"Mint failed, nothing minted: {user(m.Title)}",
        NotificationEvents.MintUnknown => $"Mint outcome unknown, check the ledger: {user(m.Title)}",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "No template for this event key."),
    };

    static IEnumerable<string> Body(string key, NotificationModel m, Func<string, string> user)
    {
        var what = m.Amount is { } amount && m.AssetCode is { } asset
            ? $"{m.Kind} of {amount.ToString(CultureInfo.InvariantCulture)} {user(asset)}"
            : $"{m.Kind} request";
        var where = $"department {user(m.Department)}, tier {m.Tier}";
        yield return $"Request: {user(m.Title)}";
        yield return key switch
        {
            NotificationEvents.ApprovalRequested => $"{what} waits for your decision ({where}).",
            NotificationEvents.ApprovalReminder => $"{what} has had no activity and still waits for a decision ({where}).",
            NotificationEvents.ApprovalEscalated => $"{what} was not decided in time and now waits for a Manager ({where}).",
            NotificationEvents.ApprovalEscalatedFinal => $"{what} is still undecided and now waits for top management ({where}).",
            NotificationEvents.ApprovalExpired => $"{what} expired without a decision ({where}). It can no longer be approved; resubmit it to try again.",
            NotificationEvents.ApprovalDecided => $"{what} was {(m.Outcome?.ToString() ?? "decided").ToLowerInvariant()} ({where}).",
            NotificationEvents.MintFailed => $"{what} was approved, but its Stellar transaction did not mint ({where}). The reason below says what to do.",
            NotificationEvents.MintUnknown => $"{what} was sent, but the network can no longer say whether it landed ({where}). Nothing is sent again until a person checks the issuing account's history.",
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "No template for this event key."),
        };
        if (m.Actor is { Length: > 0 } actor)
            yield return $"By: {user(actor)}";
        if (m.Reason is { Length: > 0 } reason)
            yield return $"Reason: {user(reason)}";
    }

    static string Html(string s) => NotificationEscaping.Html(s);

    static string SlackEscape(string s) => NotificationEscaping.Slack(s);
}
