using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Outbox;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Notifications;

[Trait("Category", "Integration")]
public class OutboxEnqueueTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly OutboxHarness h = new(fixture, new Dictionary<string, string?>
    {
        ["Notifications:Webhook:Url"] = "http://127.0.0.1:9/hook",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public void Ids_stay_what_notifications_already_sent_carry()
    {
        // Made by the first implementation; a receiver dedups by them, so they may never change.
        Assert.Equal(Guid.Parse("3ca2b01f-5fe7-8b0b-aa2d-bccd927b19ae"), OutboxId.For("operator@demo.local", "approval_request",
            "5b6c8f0e-1c2d-4e3f-9a8b-7c6d5e4f3a2b", "approval.reminder", OutboxChannel.Email));
        Assert.Equal(Guid.Parse("5e00f9f4-2797-80d9-aded-7391f08c3870"), OutboxId.For("ø", "", "x", "é😀", OutboxChannel.InApp));
        // Past a kilobyte of name, hashed from a pooled buffer rather than the stack: the same scheme.
        Assert.Equal(Guid.Parse("bb4a4134-edf6-8133-874f-a0694f145df2"), OutboxId.For(new string('r', 700) + new string('ü', 200),
            "approval_request", "long-1", "approval.requested", OutboxChannel.Email));
    }

    [Fact]
    public async Task Enqueue_in_a_rolled_back_transaction_leaves_nothing()
    {
        var message = OutboxHarness.Message(OutboxChannel.Webhook, "webhook", "rollback-1");
        await using (var db = fixture.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.True(await h.Outbox.EnqueueAsync(db, message));
            Assert.Equal(1, await db.NotificationOutbox.CountAsync(e => e.Id == message.Id));
            await tx.RollbackAsync();
        }

        Assert.Null(await h.RowAsync(message.Id));
    }

    [Fact]
    public async Task Duplicate_enqueue_is_a_no_op()
    {
        var message = OutboxHarness.Message(OutboxChannel.Webhook, "webhook", "dup-1");

        Assert.True(await h.EnqueueCommittedAsync(message));
        Assert.False(await h.EnqueueCommittedAsync(message with { Title = "A second rendering", OccurredAt = message.OccurredAt.AddHours(1) }));

        var row = await h.RowAsync(message.Id);
        Assert.NotNull(row);
        Assert.Equal(message.Title, row.Title);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        await using var db = fixture.CreateContext();
        Assert.Equal(1, await db.NotificationOutbox.CountAsync(e => e.SubjectId == "dup-1"));
    }

    [Fact]
    public async Task Each_recipient_and_event_gets_its_own_row_and_stable_id()
    {
        var requested = OutboxHarness.Message(OutboxChannel.Webhook, "webhook", "ids-1");
        var reminder = requested with { EventKey = "approval.reminder" };
        var otherUser = OutboxHarness.Message(OutboxChannel.InApp, "user-a", "ids-1");

        Assert.True(await h.EnqueueCommittedAsync(requested));
        Assert.True(await h.EnqueueCommittedAsync(reminder));
        Assert.True(await h.EnqueueCommittedAsync(otherUser));

        Assert.Equal(3, new[] { requested.Id, reminder.Id, otherUser.Id }.Distinct().Count());
        Assert.Equal(requested.Id, OutboxId.For("webhook", "approval_request", "ids-1", "approval.requested", OutboxChannel.Webhook));
        Assert.Equal(8, requested.Id.Version);
    }

    [Fact]
    public async Task A_channel_without_settings_is_off_and_gets_no_rows()
    {
        var message = OutboxHarness.Message(OutboxChannel.Slack, "slack", "off-1");

        Assert.False(h.Outbox.IsEnabled(OutboxChannel.Slack));
        Assert.False(await h.EnqueueCommittedAsync(message));
        Assert.Null(await h.RowAsync(message.Id));
    }

    [Fact]
    public async Task Enqueue_outside_a_transaction_is_refused()
    {
        await using var db = fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            h.Outbox.EnqueueAsync(db, OutboxHarness.Message(OutboxChannel.Webhook, "webhook", "no-tx-1")));

        Assert.Contains("transaction", error.Message);
    }

    [Fact]
    public async Task Quiet_hours_hold_a_message_until_not_before()
    {
        var message = OutboxHarness.Message(OutboxChannel.Webhook, "webhook", "quiet-1") with { NotBefore = OutboxHarness.Start.AddHours(8) };

        await h.EnqueueCommittedAsync(message);

        var row = await h.RowAsync(message.Id);
        Assert.Equal(OutboxHarness.Start.AddHours(8), row!.NextAttemptAt);
        await h.Dispatcher.DispatchDueAsync();
        Assert.Equal(0, (await h.RowAsync(message.Id))!.Attempts);

        h.Clock.Advance(TimeSpan.FromHours(8));
        await h.Dispatcher.DispatchDueAsync();
        Assert.Equal(1, (await h.RowAsync(message.Id))!.Attempts);
    }
}
