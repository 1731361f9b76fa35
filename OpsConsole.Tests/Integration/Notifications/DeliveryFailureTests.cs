using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Outbox;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Notifications;

/// <summary>A receiver that is down: the doubling backoff on the fake clock, then one dead letter whose retry delivers.</summary>
[Trait("Category", "Integration")]
public class DeliveryFailureTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly int port = FreePort.Next();
    OutboxHarness h = null!;

    public Task InitializeAsync()
    {
        h = new OutboxHarness(fixture, new Dictionary<string, string?>
        {
            ["Notifications:Webhook:Url"] = $"http://127.0.0.1:{port}/hook",
            ["Notifications:MaxAttempts"] = "4",
            ["Notifications:RetryBaseDelay"] = "00:00:05",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task Backoff_doubles_then_exhaustion_fails_the_row_with_one_dead_letter_whose_retry_delivers()
    {
        var message = OutboxHarness.Message(OutboxChannel.Webhook, "webhook", "down-1", "approval.expired") with { Class = "Critical" };
        await h.EnqueueCommittedAsync(message);
        var retryTimes = new List<DateTimeOffset>();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await h.Dispatcher.DispatchDueAsync();
            var row = (await h.RowAsync(message.Id))!;
            Assert.Equal((OutboxStatus.Pending, attempt), (row.Status, row.Attempts));
            Assert.NotNull(row.LastError);
            retryTimes.Add(row.NextAttemptAt);
            // Not due yet: a dispatch a moment before the retry time leaves the row alone.
            h.Clock.SetUtcNow(row.NextAttemptAt.AddTicks(-1));
            await h.Dispatcher.DispatchDueAsync();
            Assert.Equal(attempt, (await h.RowAsync(message.Id))!.Attempts);
            h.Clock.SetUtcNow(row.NextAttemptAt);
        }

        var start = OutboxHarness.Start;
        Assert.Equal([start.AddSeconds(5), start.AddSeconds(5 + 10), start.AddSeconds(5 + 10 + 20)], retryTimes);
        Assert.Empty(await h.DeadLettersAsync(message.Id));

        await h.Dispatcher.DispatchDueAsync();
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.Dispatcher.DispatchDueAsync();

        var failed = (await h.RowAsync(message.Id))!;
        Assert.Equal((OutboxStatus.Failed, 4), (failed.Status, failed.Attempts));
        var letter = Assert.Single(await h.DeadLettersAsync(message.Id));
        Assert.Equal(DeadLetterSources.Dispatcher, letter.Source);
        Assert.Equal("notification", letter.AggregateType);
        Assert.Equal(message.Id.ToString(), letter.AggregateId);
        Assert.Equal("notification.deliver.webhook", letter.Operation);
        Assert.Equal(message.Id.ToString(), letter.CorrelationKey);
        Assert.Equal(4, letter.RetryCount);
        Assert.Equal(start, letter.FirstFailedAt);
        Assert.Equal(start.AddSeconds(35), letter.LastFailedAt);
        Assert.Equal(DeadLetterStatus.Unresolved, letter.Status);
        Assert.StartsWith("Gave up delivering by Webhook after 4 attempt(s)", letter.ReasonMessage);
        Assert.Equal(message.Id.ToString(), (string?)letter.Payload["id"]);
        Assert.Equal("approval.expired", (string?)letter.Payload["event_key"]);
        Assert.Equal("down-1", (string?)letter.Payload["subject_id"]);
        Assert.Equal("webhook", (string?)letter.Payload["recipient"]);
        Assert.DoesNotContain(port.ToString(), letter.Payload.ToJsonString());

        // Still down: the retry says so and changes nothing else.
        var stillDown = await h.RetryDeadLetterAsync(letter);
        Assert.False(stillDown.Succeeded);
        Assert.Equal(OutboxStatus.Failed, (await h.RowAsync(message.Id))!.Status);

        await using var receiver = HookReceiver.Start(port);
        var retried = await h.RetryDeadLetterAsync(letter);

        Assert.True(retried.Succeeded, retried.Reason);
        var delivered = (await h.RowAsync(message.Id))!;
        Assert.Equal(OutboxStatus.Delivered, delivered.Status);
        Assert.Equal(h.Clock.GetUtcNow(), delivered.DeliveredAt);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(message.Id.ToString(), request.Headers["X-Ops-Event-Id"]);
        Assert.Single(await h.DeadLettersAsync(message.Id));
    }
}
