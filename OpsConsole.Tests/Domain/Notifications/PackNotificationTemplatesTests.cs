using OpsConsole.Domain.Notifications;

namespace OpsConsole.Tests.Domain.Notifications;

[Trait("Category", "Domain")]
public class PackNotificationTemplatesTests
{
    const string Plan = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const string Token = "resume-7f3a9c1e-secret";
    const string RequestLink = "https://ops.example/approvals/3f2a0c1e-0000-4000-8000-000000000001";

    static PackNotificationModel Approval(IReadOnlyDictionary<string, string>? values = null) => new("demo", "run-42", RequestLink)
    {
        ApprovalId = "deploy-prod",
        PlanHash = Plan,
        StepIds = ["s1", "s2"],
        RequiredGrants = ["deploy:production", "db:migrate"],
        MessageValues = values ?? new Dictionary<string, string> { ["pack"] = "payments", ["summary"] = "Roll out 2.4" },
    };

    static PackNotificationModel Hold(IReadOnlyList<string>? messages = null) => new("demo", "run-42", "https://ops.example/alerts")
    {
        Gate = "change-freeze",
        Parameters = new Dictionary<string, string> { ["window"] = "2026-12-01/2026-12-08" },
        Messages = messages ?? ["A change freeze is in force until Tuesday."],
    };

    static string[] Forms(RenderedNotification n) => [n.Title, n.Text, n.SlackMrkdwn, n.Html];

    [Fact]
    public void An_approval_in_english_carries_the_plan_and_the_link_to_its_request()
    {
        var n = PackNotificationTemplates.Render(PackNotificationEvents.ApprovalRequested, "en", Approval());

        Assert.Equal("Approval needed: pack run run-42, deploy-prod", n.Title);
        Assert.StartsWith("Run run-42 of tenant demo waits for a decision on deploy-prod", n.Text);
        Assert.Contains("Plan hash: " + Plan, n.Text);
        Assert.Contains("Steps: s1, s2", n.Text);
        Assert.Contains("Required grants: deploy:production, db:migrate", n.Text);
        Assert.Contains("Message:\n- pack: payments\n- summary: Roll out 2.4", n.Text);
        Assert.EndsWith($"Open the request: {RequestLink}", n.Text);
        Assert.Contains($"<{RequestLink}|Open the request>", n.SlackMrkdwn);
        Assert.Contains($"<a href=\"{RequestLink}\">Open the request</a>", n.Html);
        foreach (var form in new[] { n.Text, n.SlackMrkdwn, n.Html })
            foreach (var part in new[] { "run-42", "deploy-prod", Plan, "s1, s2", "deploy:production", "payments" })
                Assert.Contains(part, form);
    }

    [Fact]
    public void An_approval_in_german_is_written_in_german()
    {
        var n = PackNotificationTemplates.Render(PackNotificationEvents.ApprovalRequested, "de", Approval());

        Assert.Equal("Freigabe erforderlich: Pack-Lauf run-42, deploy-prod", n.Title);
        Assert.StartsWith("Lauf run-42 des Mandanten demo wartet auf eine Entscheidung über deploy-prod", n.Text);
        Assert.Contains("Schritte: s1, s2", n.Text);
        Assert.Contains("Erforderliche Berechtigungen: deploy:production, db:migrate", n.Text);
        Assert.EndsWith($"Anfrage öffnen: {RequestLink}", n.Text);
        Assert.Contains("Anfrage &#246;ffnen</a>", n.Html);
    }

    [Fact]
    public void A_hold_in_each_language_names_its_gate_parameters_and_messages_and_links_to_the_alerts()
    {
        var en = PackNotificationTemplates.Render(PackNotificationEvents.PolicyHold, "en", Hold());
        var de = PackNotificationTemplates.Render(PackNotificationEvents.PolicyHold, "de", Hold());

        Assert.Equal("Policy hold: change-freeze holds pack run run-42", en.Title);
        Assert.Contains("Gate: change-freeze", en.Text);
        Assert.Contains("Parameters:\n- window: 2026-12-01/2026-12-08", en.Text);
        Assert.Contains("What the gate said:\n- A change freeze is in force until Tuesday.", en.Text);
        Assert.EndsWith("Open the alerts: https://ops.example/alerts", en.Text);
        Assert.Equal("Richtlinien-Sperre: change-freeze hält Pack-Lauf run-42 an", de.Title);
        Assert.Contains("Richtlinie: change-freeze", de.Text);
        Assert.EndsWith("Alarme öffnen: https://ops.example/alerts", de.Text);
        Assert.Contains("<li>A change freeze is in force until Tuesday.</li>", de.Html);
    }

    [Theory]
    [InlineData("de-AT", "Freigabe erforderlich")]
    [InlineData("DE", "Freigabe erforderlich")]
    [InlineData("fr", "Approval needed")]
    [InlineData("fr-CH", "Approval needed")]
    [InlineData("", "Approval needed")]
    [InlineData(null, "Approval needed")]
    public void A_locale_falls_back_from_its_region_to_its_language_and_from_a_language_without_templates_to_english(string? locale, string title)
    {
        Assert.StartsWith(title, PackNotificationTemplates.Render(PackNotificationEvents.ApprovalRequested, locale, Approval()).Title);
    }

    [Fact]
    public void A_language_without_a_template_for_the_event_falls_back_to_the_english_one_with_english_field_names()
    {
        var shipped = PackTemplateCatalog.Shipped;
        var germanApprovalsOnly = shipped["de"] with
        {
            Events = new Dictionary<string, PackTemplate> { [PackNotificationEvents.ApprovalRequested] = shipped["de"].Events[PackNotificationEvents.ApprovalRequested] },
        };
        var catalog = new Dictionary<string, PackTemplateLanguage> { ["en"] = shipped["en"], ["de"] = germanApprovalsOnly };

        var hold = PackTemplateCatalog.Resolve(catalog, PackNotificationEvents.PolicyHold, "de");
        var approval = PackTemplateCatalog.Resolve(catalog, PackNotificationEvents.ApprovalRequested, "de");

        Assert.Equal(("en", "Gate"), (hold.Locale, hold.Labels.Gate));
        Assert.StartsWith("Policy hold", hold.Template.Subject);
        Assert.Equal("de", approval.Locale);
    }

    [Fact]
    public void Both_shipped_languages_have_a_template_for_every_pack_event()
    {
        Assert.Equal(["en", "de"], PackTemplateCatalog.Locales);
        foreach (var language in PackTemplateCatalog.Shipped.Values)
            Assert.Equal(PackNotificationEvents.All.Order(), language.Events.Keys.Order());
    }

    [Fact]
    public void An_event_with_no_template_in_english_has_none_at_all()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PackNotificationTemplates.Render("pack.approval.updated", "de", Approval()));
    }

    [Fact]
    public void Html_and_slack_escape_what_the_event_supplied_and_plain_text_keeps_it()
    {
        var n = PackNotificationTemplates.Render(PackNotificationEvents.ApprovalRequested, "en",
            Approval(new Dictionary<string, string> { ["summary"] = "<script>alert(1)</script> & \"quoted\"" }));

        Assert.DoesNotContain("<script>", n.Html);
        Assert.Contains("summary: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;", n.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;", n.SlackMrkdwn);
        Assert.Contains("<script>alert(1)</script> & \"quoted\"", n.Text);
    }

    [Fact]
    public void Hold_messages_are_escaped_in_html_too()
    {
        var n = PackNotificationTemplates.Render(PackNotificationEvents.PolicyHold, "de", Hold(["<img src=x onerror=alert(1)>"]));

        Assert.DoesNotContain("<img", n.Html);
        Assert.Contains("<li>&lt;img src=x onerror=alert(1)&gt;</li>", n.Html);
    }

    [Fact]
    public void The_resume_token_and_other_secrets_never_reach_any_form()
    {
        var n = PackNotificationTemplates.Render(PackNotificationEvents.ApprovalRequested, "en",
            Approval(new Dictionary<string, string> { ["note"] = $"resume with {Token}", ["auth"] = "password=hunter2secret" }), [Token]);

        foreach (var form in Forms(n))
        {
            Assert.DoesNotContain(Token, form);
            Assert.DoesNotContain("hunter2secret", form);
        }
        Assert.Contains($"note: resume with {SecretRedaction.Mask}", n.Text);
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_shown_as_it_is()
    {
        var n = PackNotificationTemplates.Render(PackNotificationEvents.ApprovalRequested, "en", Approval() with { RunId = "{tenant}" });
        Assert.Equal("Approval needed: pack run {tenant}, deploy-prod", n.Title);
    }

    [Fact]
    public void Pack_notices_ask_someone_to_act()
    {
        Assert.All(PackNotificationEvents.All, k => Assert.Equal(NotificationClass.Action, PackNotificationEvents.ClassOf(k)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PackNotificationEvents.ClassOf("approval.requested"));
    }
}
