using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Notifications;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform.Outbox;
using OpsConsole.Tests.Integration.Notifications;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>Quiet hours applied where notifications are staged, and honoured by the dispatcher, with a real SMTP server.</summary>
[Trait("Category", "Integration")]
public sealed class QuietHoursNotificationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Sleeper = "night-owl@ops.test";
    // The harness starts at 09:00 UTC on 2 November 2026: 04:00 in New York, inside a 22:00–07:00 window that ends at 12:00 UTC.
    static readonly DateTimeOffset QuietEnds = ApprovalHarness.Start.AddHours(3);

    readonly ApprovalHarness harness = new(fixture);
    SmtpSink smtp = null!;
    IServiceProvider app = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        smtp = await SmtpSink.StartAsync();
        app = harness.Instance(new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(),
            ["Notifications:Smtp:From"] = "OpsConsole <ops@ops.test>",
        });
        await using var db = fixture.CreateContext();
        if (await db.Users.AnyAsync(u => u.Email == Sleeper))
            return;
        foreach (var role in Roles.All)
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        var user = new OpsUser { UserName = Sleeper, NormalizedUserName = Sleeper.ToUpperInvariant(), Email = Sleeper, NormalizedEmail = Sleeper.ToUpperInvariant() };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        // Holder at tier 1 (Operator) and tier 2 (Manager), so every notice of a request reaches them.
        foreach (var role in new[] { Roles.Operator, Roles.Manager })
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = (await db.Roles.SingleAsync(r => r.Name == role)).Id });
        db.UserDepartments.Add(new UserDepartment { UserId = user.Id, DepartmentId = ApprovalHarness.Department });
        db.UserPreferences.Add(new UserPreferences
        {
            UserId = user.Id,
            TimeZoneId = "America/New_York",
            QuietStart = new TimeOnly(22, 0),
            QuietEnd = new TimeOnly(7, 0),
            QuietHoursEnabled = true,
            UpdatedAt = ApprovalHarness.Start,
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await smtp.DisposeAsync();
    }

    /// <summary>The sleeper's row: in-app by their user id, email by their address.</summary>
    async Task<OutboxEntry> RowAsync(Guid id, string eventKey, OutboxChannel channel)
    {
        await using var db = fixture.CreateContext();
        var userId = await db.Users.Where(u => u.Email == Sleeper).Select(u => u.Id).SingleAsync();
        var recipient = channel == OutboxChannel.InApp ? userId : Sleeper;
        return await db.NotificationOutbox.AsNoTracking()
            .SingleAsync(e => e.SubjectId == id.ToString() && e.EventKey == eventKey && e.Channel == channel && e.Recipient == recipient);
    }

    NotificationDispatcher Dispatcher => app.GetRequiredService<NotificationDispatcher>();

    static string MessageId(OutboxEntry row) => $"<{row.Id:N}@opsconsole>";

    [Fact]
    public async Task Email_to_a_person_in_quiet_hours_is_held_until_they_end_and_not_sent_before()
    {
        var id = await harness.CreateAsync(app.GetRequiredService<ApprovalService>());

        var email = await RowAsync(id, NotificationEvents.ApprovalRequested, OutboxChannel.Email);
        Assert.Equal(Sleeper, email.Recipient);
        Assert.Equal(QuietEnds, email.NotBefore);
        Assert.Equal(QuietEnds, email.NextAttemptAt);

        await Dispatcher.DispatchDueAsync();
        harness.Clock.Advance(QuietEnds - harness.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        await Dispatcher.DispatchDueAsync();
        var waiting = await RowAsync(id, NotificationEvents.ApprovalRequested, OutboxChannel.Email);
        Assert.Equal((OutboxStatus.Pending, 0), (waiting.Status, waiting.Attempts));
        Assert.DoesNotContain(MessageId(email), smtp.Output, StringComparison.OrdinalIgnoreCase);

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await Dispatcher.DispatchDueAsync();

        var sent = await RowAsync(id, NotificationEvents.ApprovalRequested, OutboxChannel.Email);
        Assert.Equal((OutboxStatus.Delivered, QuietEnds), (sent.Status, sent.DeliveredAt));
        await Eventually.TrueAsync(() => smtp.Output.Contains(MessageId(email), StringComparison.OrdinalIgnoreCase), "aiosmtpd printed the held message");
    }

    [Fact]
    public async Task In_app_notification_is_never_held()
    {
        var id = await harness.CreateAsync(app.GetRequiredService<ApprovalService>());

        var bell = await RowAsync(id, NotificationEvents.ApprovalRequested, OutboxChannel.InApp);
        Assert.Null(bell.NotBefore);
        await Dispatcher.DispatchDueAsync();

        var delivered = await RowAsync(id, NotificationEvents.ApprovalRequested, OutboxChannel.InApp);
        Assert.Equal((OutboxStatus.Delivered, ApprovalHarness.Start), (delivered.Status, delivered.DeliveredAt));
    }

    [Fact]
    public async Task Critical_expiry_email_pierces_quiet_hours_while_a_reminder_at_the_same_moment_waits()
    {
        var id = await harness.CreateAsync(app.GetRequiredService<ApprovalService>());
        // 24 h later it is 04:00 in New York again: quiet, and every step falls due at once.
        harness.Clock.Advance(TimeSpan.FromHours(24));
        var now = harness.Clock.GetUtcNow();
        await app.GetRequiredService<SlaTimers>().ApplyDueAsync();

        var expired = await RowAsync(id, NotificationEvents.ApprovalExpired, OutboxChannel.Email);
        var reminder = await RowAsync(id, NotificationEvents.ApprovalReminder, OutboxChannel.Email);
        Assert.Equal(nameof(NotificationClass.Critical), expired.Class);
        Assert.Null(expired.NotBefore);
        Assert.Equal(now.AddHours(3), reminder.NotBefore);

        await Dispatcher.DispatchDueAsync();

        Assert.Equal(OutboxStatus.Delivered, (await RowAsync(id, NotificationEvents.ApprovalExpired, OutboxChannel.Email)).Status);
        Assert.Equal(OutboxStatus.Pending, (await RowAsync(id, NotificationEvents.ApprovalReminder, OutboxChannel.Email)).Status);
        await Eventually.TrueAsync(() => smtp.Output.Contains(MessageId(expired), StringComparison.OrdinalIgnoreCase), "aiosmtpd printed the expiry");
    }
}
