using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform.Outbox;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>A batch of requests at every SLA stage writes exactly the rows that applying each request on its own writes.</summary>
[Trait("Category", "Integration")]
public sealed class SlaBatchEquivalenceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // The requests are judged at 10:00 UTC, inside the night owl's quiet hours (08:00-12:00 UTC).
    static readonly DateTimeOffset Judged = ApprovalHarness.Start.AddHours(25);

    readonly ApprovalHarness harness = new(fixture);

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        await using var db = fixture.CreateContext();
        await ApprovalUsers.AddAsync(db, "operator@ops.test", Roles.Operator, ApprovalHarness.Department);
        await ApprovalUsers.AddAsync(db, "manager@ops.test", Roles.Manager, ApprovalHarness.Department);
        await ApprovalUsers.AddAsync(db, "top@ops.test", Roles.TopManagement);
        var owl = await ApprovalUsers.AddAsync(db, "owl@ops.test", Roles.Operator, ApprovalHarness.Department);
        db.UserPreferences.Add(new UserPreferences
        {
            UserId = owl,
            TimeZoneId = "UTC",
            QuietStart = new TimeOnly(8, 0),
            QuietEnd = new TimeOnly(12, 0),
            QuietHoursEnabled = true,
            UpdatedAt = ApprovalHarness.Start,
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task A_mixed_batch_writes_the_same_rows_as_applying_each_request_on_its_own()
    {
        var app = harness.Instance(new Dictionary<string, string?>
        {
            ["Sla:Policies:Mint:EscalateFinalAfter"] = "18:00:00",
            ["Sla:BatchSize"] = "100",
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = "2525",
            ["Notifications:Smtp:From"] = "ops@ops.test",
            ["Notifications:Slack:WebhookUrl"] = "http://127.0.0.1:9/slack",
            ["Notifications:Webhook:Url"] = "http://127.0.0.1:9/hook",
        });
        var service = app.GetRequiredService<ApprovalService>();
        var timers = app.GetRequiredService<SlaTimers>();
        // Opened 25, 19, 13 and 5 hours before they are judged: due then for every step up to expiry, up to the final
        // escalation, up to the escalation, and the reminder alone. Each twice: one to batch, one to apply on its own.
        var (batched, alone) = (new List<Guid>(), new List<Guid>());
        foreach (var openedAt in new[] { 25, 19, 13, 5 }.Select(h => Judged.AddHours(-h)))
        {
            harness.Clock.Advance(openedAt - harness.Clock.GetUtcNow());
            batched.Add(await harness.CreateAsync(service));
            alone.Add(await harness.CreateAsync(service));
        }
        harness.Clock.Advance(Judged - harness.Clock.GetUtcNow());

        foreach (var id in alone)
            Assert.True((await timers.RetryRequestAsync(id, SlaTimers.ApplyDueOperation, default)).Succeeded);
        Assert.Equal(10, await timers.ApplyDueAsync());

        var written = new List<(Rows Batched, Rows Alone)>();
        foreach (var (b, a) in batched.Zip(alone))
            written.Add((await RowsAsync(b), await RowsAsync(a)));
        Assert.All(written, pair =>
        {
            Assert.Equal(pair.Alone.Request, pair.Batched.Request);
            Assert.Equal(pair.Alone.Audit, pair.Batched.Audit);
            Assert.Equal(pair.Alone.Outbox, pair.Batched.Outbox);
        });
        // The mix holds every kind of step, and email both held for quiet hours and sent at once.
        var actions = written.SelectMany(w => w.Batched.Audit).Select(e => e.Action).ToHashSet();
        Assert.Superset(new HashSet<string> { ApprovalAuditActions.Reminded, ApprovalAuditActions.Escalated, ApprovalAuditActions.EscalatedFinal,
            ApprovalAuditActions.Expired }, actions);
        var emails = written.SelectMany(w => w.Batched.Outbox).Where(o => o.Channel == OutboxChannel.Email && o.EventKey != NotificationEvents.ApprovalRequested).ToList();
        Assert.Contains(emails, o => o.NotBefore is not null);
        Assert.Contains(emails, o => o.NotBefore is null);
    }

    sealed record Rows(object Request, List<AuditRow> Audit, List<OutboxRow> Outbox);

    sealed record AuditRow(string Actor, string Action, DateTimeOffset OccurredAt, string Details);

    sealed record OutboxRow(OutboxChannel Channel, string Recipient, string EventKey, string Class, string Title, string Text, string? Html,
        string? SlackText, string? Link, DateTimeOffset OccurredAt, DateTimeOffset? NotBefore, DateTimeOffset NextAttemptAt, OutboxStatus Status);

    /// <summary>What was written about one request, with its id taken out so that two requests compare.</summary>
    async Task<Rows> RowsAsync(Guid id)
    {
        var key = id.ToString();
        string Plain(string text) => text.Replace(key, "{id}", StringComparison.Ordinal);
        var r = await harness.ReadAsync(id);
        await using var db = fixture.CreateContext();
        var audit = (await harness.AuditAsync(id)).Select(e => new AuditRow(e.Actor, e.Action, e.OccurredAt, Plain(e.Details.ToJsonString()))).ToList();
        var outbox = (await db.NotificationOutbox.AsNoTracking().Where(o => o.SubjectId == key).ToListAsync())
            .Select(o => new OutboxRow(o.Channel, o.Recipient, o.EventKey, o.Class, o.Title, Plain(o.Text), o.Html is null ? null : Plain(o.Html),
                o.SlackText is null ? null : Plain(o.SlackText), o.Link is null ? null : Plain(o.Link), o.OccurredAt, o.NotBefore, o.NextAttemptAt, o.Status))
            .OrderBy(o => o.EventKey).ThenBy(o => o.Channel).ThenBy(o => o.Recipient, StringComparer.Ordinal).ToList();
        return new Rows((r.Status, r.Tier, r.Assignee, r.RemindedAt, r.EscalatedAt, r.EscalatedFinalAt, r.ExpiredAt, r.NextDueAt, r.LastActivityAt),
            audit, outbox);
    }
}
