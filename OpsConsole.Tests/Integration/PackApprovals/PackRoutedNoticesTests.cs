using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Platform.Outbox;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>Routing rules send a requested approval and a policy hold to the people and channels they choose, in their
/// language, beside the request's own notices and the hold's alert; a repeated event sends nothing new.</summary>
[Trait("Category", "Integration")]
public sealed class PackRoutedNoticesTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Path = "/notifications/pack-approvals";
    const string BaseUrl = "https://ops.example";
    const string Operator = "operator@demo.local";
    const string Manager = "manager@demo.local";
    readonly AlertsApp app = new(fixture, new Dictionary<string, string?>
    {
        // The demo's Operator and Manager sit in treasury.
        ["PackApprovals:Department"] = "treasury",
        ["PackApprovals:BaseUrl"] = BaseUrl,
        // Channels are written only when they are on; nothing listens at these addresses.
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = "9",
        ["Notifications:Smtp:From"] = "ops@example.com",
        ["Notifications:Webhook:Url"] = "http://127.0.0.1:9/hook",
        ["Notifications:Slack:WebhookUrl"] = "http://127.0.0.1:9/slack",
    });

    PackRoutingRules Rules => app.Host.Services.GetRequiredService<PackRoutingRules>();

    /// <summary>Starts from no rules at all, so only this class's rules route: the demo's are deleted, each audited.</summary>
    public async Task InitializeAsync()
    {
        var admin = await app.Host.PrincipalAsync("admin@demo.local");
        foreach (var rule in await Rules.ListAsync())
            Assert.Empty(await Rules.DeleteAsync(admin, rule.Id, rule.Version));
    }

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    static string Run() => $"run-{Guid.NewGuid():N}"[..20];

    async Task AddAsync(PackRoutingInput rule) => Assert.Empty(await Rules.AddAsync(await app.Host.PrincipalAsync("admin@demo.local"), rule));

    async Task<HttpStatusCode> PostAsync(OpsConsole.Contracts.PackApprovals.PackEvent e)
    {
        using var response = await app.PostEventAsync(PackEventsFor.Json(e));
        return response.StatusCode;
    }

    async Task<string> UserIdAsync(string email)
    {
        await using var db = fixture.CreateContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Only the rows about this run's own subject: the demo's requests send theirs meanwhile.</summary>
    async Task<List<OutboxEntry>> RoutedAsync(string subjectId, string eventKey)
    {
        await using var db = fixture.CreateContext();
        var rows = await db.NotificationOutbox.AsNoTracking().Where(o => o.SubjectId == subjectId && o.EventKey == eventKey).ToListAsync();
        return [.. rows.OrderBy(o => o.Channel).ThenBy(o => o.Recipient, StringComparer.Ordinal)];
    }

    async Task<Guid> RequestIdAsync(string run)
    {
        await using var db = fixture.CreateContext();
        return await db.PackApprovals.Where(p => p.RunId == run).Select(p => p.RequestId).SingleAsync();
    }

    [Fact]
    public async Task A_rule_routes_a_requested_approval_to_its_people_and_channels_in_its_language()
    {
        await AddAsync(new(PackRouteKinds.Approval, "demo", ["payments:write"], [Roles.Operator], ["treasury"],
            [NotificationChannel.InApp, NotificationChannel.Email, NotificationChannel.Webhook], "de", 10, true));
        // Another tenant, a grant the event lacks, and a rule switched off: none of them applies.
        await AddAsync(new(PackRouteKinds.Approval, "acme", [], [Roles.Manager], [], [NotificationChannel.InApp], "en", 1, true));
        await AddAsync(new(PackRouteKinds.Approval, null, ["deploy:production"], [Roles.Manager], [], [NotificationChannel.InApp], "en", 2, true));
        await AddAsync(new(PackRouteKinds.Approval, null, [], [Roles.Manager], [], [NotificationChannel.Slack], "en", 3, false));
        var run = Run();

        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(PackEventsFor.Requested(run, app.Clock.GetUtcNow()) with
        {
            RequiredGrants = ["payments:write", "deploy:staging"],
        }));

        var requestId = await RequestIdAsync(run);
        var routed = await RoutedAsync(requestId.ToString(), PackNotificationEvents.ApprovalRequested);
        Assert.Equal(
            [(OutboxChannel.InApp, await UserIdAsync(Operator)), (OutboxChannel.Email, Operator), (OutboxChannel.Webhook, "webhook")],
            routed.Select(o => (o.Channel, o.Recipient)));
        var link = $"{BaseUrl}/approvals/{requestId}";
        Assert.All(routed, o =>
        {
            Assert.Equal($"Freigabe erforderlich: Pack-Lauf {run}, deploy-prod", o.Title);
            Assert.Contains("Erforderliche Berechtigungen: payments:write, deploy:staging", o.Text);
            Assert.Contains($"Plan-Hash: {PackEventsFor.Plan}", o.Text);
            Assert.Contains("pack: payments", o.Text);
            Assert.Equal((link, "Action"), (o.Link, o.Class));
            Assert.DoesNotContain(PackEventsFor.Token, o.Title + o.Text + o.Html + o.SlackText);
        });
        Assert.Contains($"<a href=\"{link}\">", routed.Single(o => o.Channel == OutboxChannel.Email).Html);

        // The webhook carries the fixed body, with the template's title, text and the link.
        var webhook = routed.Single(o => o.Channel == OutboxChannel.Webhook);
        using var body = JsonDocument.Parse(JsonSerializer.Serialize(WebhookNotification.From(webhook.Id, webhook.ToMessage())));
        Assert.Equal(["id", "event_key", "class", "subject_type", "subject_id", "recipient", "occurred_at", "title", "text", "link"],
            body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal((PackNotificationEvents.ApprovalRequested, webhook.Title, link),
            (body.RootElement.GetProperty("event_key").GetString(), body.RootElement.GetProperty("title").GetString(),
             body.RootElement.GetProperty("link").GetString()));

        // Beside the request's own notice to its approvers, which still goes out.
        Assert.Contains(await RoutedAsync(requestId.ToString(), NotificationEvents.ApprovalRequested), o => o.Recipient == Operator);
        await using var db = fixture.CreateContext();
        var approval = await db.PackApprovals.AsNoTracking().SingleAsync(p => p.RunId == run);
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(a => a.SubjectId == approval.Id.ToString() && a.Action == PackAuditActions.Requested);
        var chosen = await db.PackRoutingRules.AsNoTracking().SingleAsync(r => r.Tenant == "demo");
        Assert.Equal([chosen.Id.ToString()], audit.Details["routedBy"]!.AsArray().Select(id => id!.GetValue<string>()));
    }

    [Fact]
    public async Task A_rule_routes_a_policy_hold_to_the_bell_and_email_of_a_department_linking_to_the_alerts()
    {
        await AddAsync(new(PackRouteKinds.PolicyHold, null, [], [], ["treasury"], [NotificationChannel.InApp, NotificationChannel.Email], "en", 10, true));
        var run = Run();
        var hold = PackEventsFor.Hold(run, app.Clock.GetUtcNow());
        // The bell lists the newest first; the demo's notices were written at the clock's start.
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(hold));

        var subject = $"demo/{run}/change-freeze/{hold.EventId}";
        var routed = await RoutedAsync(subject, PackNotificationEvents.PolicyHold);
        var (operatorId, managerId) = (await UserIdAsync(Operator), await UserIdAsync(Manager));
        Assert.Equal(
            new[] { (OutboxChannel.InApp, operatorId), (OutboxChannel.InApp, managerId), (OutboxChannel.Email, Operator), (OutboxChannel.Email, Manager) }
                .OrderBy(r => r.Item1).ThenBy(r => r.Item2, StringComparer.Ordinal),
            routed.Select(o => (o.Channel, o.Recipient)));
        Assert.All(routed, o =>
        {
            Assert.Equal(($"Policy hold: change-freeze holds pack run {run}", $"{BaseUrl}/alerts"), (o.Title, o.Link));
            Assert.Contains("A change freeze is in force until Tuesday.", o.Text);
            Assert.Contains("window: 2026-12-01/2026-12-08", o.Text);
        });

        // Delivered, it is an item in the Manager's bell that opens the alerts. The app's own dispatcher may have claimed
        // the row first; then it is its delivery that is waited for.
        var dispatcher = app.Host.Services.GetRequiredService<NotificationDispatcher>();
        var inbox = app.Host.Services.GetRequiredService<INotificationInbox>();
        InAppNotification? item = null;
        for (var tries = 0; tries < 100 && item is null; tries++)
        {
            await dispatcher.DispatchDueAsync();
            item = (await inbox.LatestAsync(managerId, 500)).SingleOrDefault(n => n.Title.Contains(run, StringComparison.Ordinal));
            if (item is null)
                await Task.Delay(200);
        }
        Assert.NotNull(item);
        Assert.Equal(($"{BaseUrl}/alerts", false), (item.Link, item.IsRead));
        Assert.Equal("/alerts", NotificationOpenEndpoint.LocalPath(item.Link!));
    }

    [Fact]
    public async Task A_repeated_event_sends_nothing_new()
    {
        await AddAsync(new(PackRouteKinds.Approval, null, [], [Roles.Manager], ["treasury"], [NotificationChannel.InApp, NotificationChannel.Slack], "de", 10, true));
        await AddAsync(new(PackRouteKinds.PolicyHold, null, [], [Roles.Manager], ["treasury"], [NotificationChannel.InApp, NotificationChannel.Slack], "de", 10, true));
        var run = Run();
        var requested = PackEventsFor.Requested(run, app.Clock.GetUtcNow());
        var hold = PackEventsFor.Hold(run, app.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(requested));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(hold));
        var requestId = (await RequestIdAsync(run)).ToString();
        var holdSubject = $"demo/{run}/change-freeze/{hold.EventId}";
        var before = (await RoutedAsync(requestId, PackNotificationEvents.ApprovalRequested)).Select(o => o.Id).ToList();
        var heldBefore = (await RoutedAsync(holdSubject, PackNotificationEvents.PolicyHold)).Select(o => o.Id).ToList();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(requested));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(hold));

        Assert.Equal(2, before.Count);
        Assert.Equal(2, heldBefore.Count);
        Assert.Equal(before, (await RoutedAsync(requestId, PackNotificationEvents.ApprovalRequested)).Select(o => o.Id));
        Assert.Equal(heldBefore, (await RoutedAsync(holdSubject, PackNotificationEvents.PolicyHold)).Select(o => o.Id));
        await using var db = fixture.CreateContext();
        Assert.Equal(4, await db.NotificationOutbox.CountAsync(o => (o.SubjectId == requestId || o.SubjectId == holdSubject)
            && PackNotificationEvents.All.Contains(o.EventKey)));
    }
}
