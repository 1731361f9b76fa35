using System.Text;
using System.Text.RegularExpressions;

namespace OpsConsole.Domain.Notifications;

/// <summary>
/// Renders a notice about a Task Runner event (<see cref="PackNotificationEvents"/>) in a locale: a title (the email
/// subject and the webhook's title), plain text (email and webhook), Slack mrkdwn and HTML, each with the plan's metadata
/// and the link into the console. Everything the event supplied is redacted, and escaped for the form it goes into, as
/// <see cref="NotificationTemplates"/> does; secrets the console knows (the resume token) are masked wherever they stand.
/// </summary>
public static partial class PackNotificationTemplates
{
    /// <summary>A field of the notice: one line, or a list when its values are separate statements.</summary>
    sealed record Row(string Label, IReadOnlyList<string> Values, bool Listed = false);

    public static RenderedNotification Render(string eventKey, string? locale, PackNotificationModel model, IReadOnlyCollection<string>? withheld = null)
    {
        var choice = PackTemplateCatalog.Resolve(PackTemplateCatalog.Shipped, eventKey, locale);
        string Safe(string? s) => SecretRedaction.Redact(s, withheld ?? []);
        var placeholders = new Dictionary<string, string>
        {
            ["tenant"] = Safe(model.Tenant),
            ["run"] = Safe(model.RunId),
            ["approval"] = Safe(model.ApprovalId),
            ["gate"] = Safe(model.Gate),
        };
        var title = Fill(choice.Template.Subject, placeholders);
        var intro = Fill(choice.Template.Intro, placeholders);
        var rows = Rows(eventKey, choice.Labels, model, Safe).Where(r => r.Values.Count > 0).ToList();
        var link = model.Link;
        var linkText = choice.Template.LinkText;

        var text = new StringBuilder(intro).Append("\n\n");
        var slack = new StringBuilder($"*{NotificationEscaping.Slack(title)}*\n{NotificationEscaping.Slack(intro)}\n");
        var html = new StringBuilder($"<h2>{NotificationEscaping.Html(title)}</h2>\n<p>{NotificationEscaping.Html(intro)}</p>\n");
        foreach (var row in rows)
        {
            text.Append(Line(row, NotificationEscaping.Plain, "{0}:", "- ")).Append('\n');
            slack.Append(Line(row, NotificationEscaping.Slack, "*{0}:*", "• ")).Append('\n');
            html.Append(HtmlRow(row)).Append('\n');
        }
        text.Append($"\n{linkText}: {link}");
        slack.Append($"<{link}|{NotificationEscaping.Slack(linkText)}>");
        html.Append($"<p><a href=\"{NotificationEscaping.Html(link)}\">{NotificationEscaping.Html(linkText)}</a></p>");
        return new RenderedNotification(title, text.ToString(), slack.ToString(), html.ToString());
    }

    static IEnumerable<Row> Rows(string eventKey, PackFieldLabels labels, PackNotificationModel m, Func<string?, string> safe)
    {
        IReadOnlyList<string> One(string? value) => value is { Length: > 0 } ? [safe(value)] : [];
        IReadOnlyList<string> All(IEnumerable<string> values) => [.. values.Select(safe)];
        IReadOnlyList<string> Pairs(IReadOnlyDictionary<string, string> values) =>
            [.. values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{safe(v.Key)}: {safe(v.Value)}")];

        yield return new(labels.Tenant, One(m.Tenant));
        yield return new(labels.Run, One(m.RunId));
        if (eventKey == PackNotificationEvents.PolicyHold)
        {
            yield return new(labels.Gate, One(m.Gate));
            yield return new(labels.Parameters, Pairs(m.Parameters), Listed: true);
            yield return new(labels.Messages, All(m.Messages), Listed: true);
            yield break;
        }
        yield return new(labels.Approval, One(m.ApprovalId));
        yield return new(labels.PlanHash, One(m.PlanHash));
        yield return new(labels.Steps, All(m.StepIds));
        yield return new(labels.Grants, All(m.RequiredGrants));
        yield return new(labels.Message, Pairs(m.MessageValues), Listed: true);
    }

    static string Line(Row row, Func<string, string> escape, string labelFormat, string bullet)
    {
        var label = string.Format(System.Globalization.CultureInfo.InvariantCulture, labelFormat, escape(row.Label));
        return row.Listed
            ? label + string.Concat(row.Values.Select(v => $"\n{bullet}{escape(v)}"))
            : $"{label} {string.Join(", ", row.Values.Select(escape))}";
    }

    static string HtmlRow(Row row)
    {
        var label = $"<strong>{NotificationEscaping.Html(row.Label)}:</strong>";
        return row.Listed
            ? $"<p>{label}</p>\n<ul>{string.Concat(row.Values.Select(v => $"<li>{NotificationEscaping.Html(v)}</li>"))}</ul>"
            : $"<p>{label} {NotificationEscaping.Html(string.Join(", ", row.Values))}</p>";
    }

    // One pass, so a value that itself reads like a placeholder is left as it is.
    static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
