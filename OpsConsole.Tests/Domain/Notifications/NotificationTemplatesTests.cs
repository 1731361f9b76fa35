using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;

namespace OpsConsole.Tests.Domain.Notifications;

[Trait("Category", "Domain")]
public class NotificationTemplatesTests
{
    static readonly Guid Id = Guid.Parse("3f2a0c1e-0000-4000-8000-000000000001");
    const string Seed = "SDHH3YPYUGKNSJ47WATKEQPIWYUIIL3W3XWITYVIKYGU6PS2K4Y2O2G2";

    static NotificationModel Model(string title = "Mint for partner", string? reason = null) =>
        new(Id, title, ApprovalKind.Mint, 1234.5678901m, "OPS", 2, "treasury", "manager@demo.local", reason, "https://ops.example/");

    public static TheoryData<string> Keys() => [.. NotificationEvents.All];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_event_renders_in_every_form_with_the_link_to_the_request(string key)
    {
        var n = NotificationTemplates.Render(key, Model() with { Outcome = ApprovalStatus.Approved });
        const string link = "https://ops.example/approvals/3f2a0c1e-0000-4000-8000-000000000001";
        Assert.Contains("Mint for partner", n.Title);
        Assert.Contains(link, n.Text);
        Assert.Contains($"<{link}|Open the request>", n.SlackMrkdwn);
        Assert.Contains($"<a href=\"{link}\">", n.Html);
        foreach (var form in new[] { n.Text, n.SlackMrkdwn, n.Html })
        {
            Assert.Contains("1234.5678901 OPS", form);
            Assert.Contains("treasury", form);
            Assert.Contains("tier 2", form);
        }
    }

    [Fact]
    public void Each_event_has_its_own_title()
    {
        var titles = NotificationEvents.All.Select(k => NotificationTemplates.Render(k, Model()).Title).ToList();
        Assert.Equal(titles.Count, titles.Distinct().Count());
        Assert.Equal("Final escalation (tier 2): Mint for partner", NotificationTemplates.Render(NotificationEvents.ApprovalEscalatedFinal, Model()).Title);
    }

    [Fact]
    public void Decided_names_the_outcome_and_the_reason()
    {
        var n = NotificationTemplates.Render(NotificationEvents.ApprovalDecided, Model(reason: "wrong amount") with { Outcome = ApprovalStatus.Rejected });
        Assert.Equal("Rejected: Mint for partner", n.Title);
        Assert.Contains("was rejected", n.Text);
        Assert.Contains("Reason: wrong amount", n.Text);
        Assert.Contains("By: manager@demo.local", n.Text);
    }

    [Fact]
    public void Html_encodes_user_text()
    {
        var n = NotificationTemplates.Render(NotificationEvents.ApprovalRequested,
            Model(title: "<script>alert(1)</script>", reason: "a & b \"quoted\" <b>"));
        Assert.DoesNotContain("<script>", n.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", n.Html);
        Assert.Contains("a &amp; b &quot;quoted&quot; &lt;b&gt;", n.Html);
        Assert.Contains("&lt;script&gt;", n.SlackMrkdwn);
        Assert.Contains("<script>alert(1)</script>", n.Text);
    }

    [Fact]
    public void Secrets_in_user_text_never_reach_any_form()
    {
        var n = NotificationTemplates.Render(NotificationEvents.ApprovalDecided, Model(title: $"seed {Seed}", reason: $"use {Seed} now"));
        foreach (var form in new[] { n.Title, n.Text, n.SlackMrkdwn, n.Html })
        {
            Assert.DoesNotContain(Seed, form);
            Assert.Contains(SecretRedaction.Mask, form);
        }
    }

    [Fact]
    public void The_model_is_built_from_a_request()
    {
        var r = Approvals.Requests.Pending();
        var m = NotificationModel.From(r, "operator@demo.local", null, "https://ops.example");
        Assert.Equal((r.Id, 125.5m, "OPS", 1, "treasury", ApprovalStatus.Pending), (m.RequestId, m.Amount!.Value, m.AssetCode, m.Tier, m.Department, m.Outcome!.Value));
        Assert.Equal($"https://ops.example/approvals/{r.Id}", m.Link);
    }

    [Fact]
    public void An_unknown_event_key_has_no_template()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NotificationTemplates.Render("approval.nope", Model()));
    }
}
