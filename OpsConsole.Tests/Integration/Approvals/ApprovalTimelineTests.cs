using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Outbox;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

[Trait("Category", "Integration")]
public sealed class ApprovalTimelineTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string OperatorEmail = "operator@demo.local";
    readonly ApprovalHarness harness = new(fixture);

    static readonly Dictionary<string, string?> Settings = new()
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = "2525",
        ["Notifications:Smtp:From"] = "ops@example.com",
        ["Notifications:Webhook:Url"] = "http://127.0.0.1:9/hook",
    };

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        await using var db = fixture.CreateContext();
        if (!await db.Users.AnyAsync(u => u.Email == OperatorEmail))
            await ApprovalUsers.AddAsync(db, OperatorEmail, Roles.Operator, ApprovalHarness.Department);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    static string Line(ApprovalTimelineEntry e) => e.Event is { } a
        ? $"event {a.Action} by {a.Actor}"
        : $"sent {e.Notification!.EventKey} {e.Notification.Channel} {e.Notification.Recipient}";

    [Fact]
    public async Task Events_and_the_notifications_they_caused_come_oldest_first_each_event_before_its_notifications()
    {
        var app = harness.Instance(Settings);
        var service = app.GetRequiredService<ApprovalService>();
        var id = await harness.CreateAsync(service);
        harness.Clock.Advance(TimeSpan.FromHours(4));
        await app.GetRequiredService<SlaTimers>().ApplyDueAsync();
        harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.IsType<TransitionOutcome.Applied>(await service.RejectAsync(id, ApprovalHarness.User(OperatorEmail, Roles.Operator), "limit"));

        var timeline = await app.GetRequiredService<ApprovalTimeline>().ReadAsync(id);

        Assert.Equal([
            $"event {ApprovalAuditActions.Created} by {ApprovalHarness.Requester}",
            $"sent {NotificationEvents.ApprovalRequested} InApp {OperatorEmail}",
            $"sent {NotificationEvents.ApprovalRequested} Email {OperatorEmail}",
            $"sent {NotificationEvents.ApprovalRequested} Webhook webhook",
            $"event {ApprovalAuditActions.Reminded} by {ApprovalActor.Sla.Id}",
            $"sent {NotificationEvents.ApprovalReminder} InApp {OperatorEmail}",
            $"sent {NotificationEvents.ApprovalReminder} Email {OperatorEmail}",
            $"sent {NotificationEvents.ApprovalReminder} Webhook webhook",
            $"event {ApprovalAuditActions.Rejected} by {OperatorEmail}",
            $"sent {NotificationEvents.ApprovalDecided} Email {ApprovalHarness.Requester}",
            $"sent {NotificationEvents.ApprovalDecided} Webhook webhook",
        ], timeline.Select(Line));
        Assert.Equal(timeline.Select(e => e.At).Order(), timeline.Select(e => e.At));
        Assert.Equal(ApprovalHarness.Start.AddHours(5), timeline[^1].At);
        Assert.Equal("limit", timeline.Single(e => e.Event?.Action == ApprovalAuditActions.Rejected).Event!.Details["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Shows_only_the_rows_of_its_own_request()
    {
        var app = harness.Instance(Settings);
        var service = app.GetRequiredService<ApprovalService>();
        var mine = await harness.CreateAsync(service);
        var other = await harness.CreateAsync(service);
        Assert.IsType<TransitionOutcome.Applied>(await service.RejectAsync(other, ApprovalHarness.User(OperatorEmail, Roles.Operator), "no"));

        var timeline = await app.GetRequiredService<ApprovalTimeline>().ReadAsync(mine);

        Assert.Equal(ApprovalAuditActions.Created, Assert.Single(timeline, e => e.Event is not null).Event!.Action);
        var sent = timeline.Where(e => e.Notification is not null).ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, e => Assert.Equal(NotificationEvents.ApprovalRequested, e.Notification!.EventKey));
        Assert.Empty(await app.GetRequiredService<ApprovalTimeline>().ReadAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_notification_shows_its_delivery_status_attempts_and_sent_time()
    {
        var app = harness.Instance(Settings);
        var id = await harness.CreateAsync(app.GetRequiredService<ApprovalService>());
        var sentAt = ApprovalHarness.Start.AddMinutes(3);
        await using (var db = fixture.CreateContext())
        {
            var row = await db.NotificationOutbox.SingleAsync(n => n.SubjectId == id.ToString() && n.Channel == OutboxChannel.Webhook);
            (row.Status, row.Attempts, row.DeliveredAt) = (OutboxStatus.Delivered, 2, sentAt);
            var failed = await db.NotificationOutbox.SingleAsync(n => n.SubjectId == id.ToString() && n.Channel == OutboxChannel.Email);
            (failed.Status, failed.Attempts) = (OutboxStatus.Failed, 8);
            await db.SaveChangesAsync();
        }

        var sent = (await app.GetRequiredService<ApprovalTimeline>().ReadAsync(id)).Select(e => e.Notification).OfType<ApprovalNotificationItem>().ToList();

        var webhook = Assert.Single(sent, n => n.Channel == OutboxChannel.Webhook);
        Assert.Equal((OutboxStatus.Delivered, 2, sentAt), (webhook.Status, webhook.Attempts, webhook.SentAt));
        var email = Assert.Single(sent, n => n.Channel == OutboxChannel.Email);
        Assert.Equal((OutboxStatus.Failed, 8, (DateTimeOffset?)null), (email.Status, email.Attempts, email.SentAt));
        // The bell's notice is delivered with the change that caused it.
        var inApp = Assert.Single(sent, n => n.Channel == OutboxChannel.InApp);
        Assert.Equal((OutboxStatus.Delivered, 1, (DateTimeOffset?)ApprovalHarness.Start), (inApp.Status, inApp.Attempts, inApp.SentAt));
    }
}
