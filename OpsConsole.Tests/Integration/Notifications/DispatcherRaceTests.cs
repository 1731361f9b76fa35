using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Platform.Outbox;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Notifications;

[Trait("Category", "Integration")]
public class DispatcherRaceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Two_dispatchers_racing_on_the_same_rows_send_each_once()
    {
        await using var receiver = HookReceiver.Start();
        receiver.Delay = TimeSpan.FromMilliseconds(10);
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Webhook:Url"] = receiver.Url("/hook"),
            ["Notifications:BatchSize"] = "4",
        };
        var clock = new FakeTimeProvider(OutboxHarness.Start);
        // Two separate service providers stand for two app instances on one database.
        await using var first = new OutboxHarness(fixture, settings, clock);
        await using var second = new OutboxHarness(fixture, settings, clock);
        var messages = Enumerable.Range(1, 30).Select(i => OutboxHarness.Message(OutboxChannel.Webhook, "webhook", $"race-{i}")).ToList();
        foreach (var message in messages)
            await first.EnqueueCommittedAsync(message);

        var tried = await Task.WhenAll(
            Task.Run(() => first.Dispatcher.DispatchDueAsync()),
            Task.Run(() => second.Dispatcher.DispatchDueAsync()));

        Assert.Equal(30, tried.Sum());
        var sent = receiver.Requests.Select(r => r.Headers["X-Ops-Event-Id"]).ToList();
        Assert.Equal(30, sent.Count);
        Assert.Equal(messages.Select(m => m.Id.ToString()).Order(), sent.Order());
        await using var db = fixture.CreateContext();
        Assert.Equal(30, await db.NotificationOutbox.CountAsync(e => e.Status == OutboxStatus.Delivered && e.Attempts == 1));
    }
}
