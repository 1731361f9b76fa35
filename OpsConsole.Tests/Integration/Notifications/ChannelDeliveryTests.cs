using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Outbox;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Notifications;

/// <summary>Delivery to real receivers on 127.0.0.1: aiosmtpd for email, an HTTP listener for Slack and the webhook.</summary>
[Trait("Category", "Integration")]
public class ChannelDeliveryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    SmtpSink smtp = null!;
    HookReceiver hooks = null!;
    OutboxHarness h = null!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync();
        hooks = HookReceiver.Start();
        h = new OutboxHarness(fixture, new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(),
            ["Notifications:Smtp:From"] = "OpsConsole <ops@ops.test>",
            ["Notifications:Slack:WebhookUrl"] = hooks.Url("/slack/T000/B000/secret"),
            ["Notifications:Webhook:Url"] = hooks.Url("/hook"),
        });
        h.ValidateSettings();
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await hooks.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Email_reaches_a_real_smtp_server_with_subject_and_link()
    {
        var message = OutboxHarness.Message(OutboxChannel.Email, "manager@ops.test", "mail-1");
        await h.EnqueueCommittedAsync(message);

        await h.Dispatcher.DispatchDueAsync();

        var row = await h.RowAsync(message.Id);
        Assert.Equal((OutboxStatus.Delivered, 1, null), (row!.Status, row.Attempts, row.LastError));
        Assert.Equal(OutboxHarness.Start, row.DeliveredAt);
        await Eventually.TrueAsync(() => smtp.Output.Contains("END MESSAGE"), "aiosmtpd printed the message");
        var received = smtp.Output;
        Assert.Contains("Subject: Mint request mail-1 awaits your approval", received);
        Assert.Contains("To: manager@ops.test", received);
        Assert.Contains("https://ops.example/approvals/mail-1", received);
        Assert.Contains($"Message-Id: <{message.Id:N}@opsconsole>", received, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("text/html", received);
    }

    [Fact]
    public async Task Slack_gets_the_slack_text_as_an_incoming_webhook()
    {
        var message = OutboxHarness.Message(OutboxChannel.Slack, "slack", "slack-1");
        await h.EnqueueCommittedAsync(message);

        await h.Dispatcher.DispatchDueAsync();

        var request = Assert.Single(hooks.Requests, r => r.Path.StartsWith("/slack/"));
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["text"] = message.SlackText }, JsonNode.Parse(request.Body)), request.Body);
        Assert.Equal(OutboxStatus.Delivered, (await h.RowAsync(message.Id))!.Status);
    }

    [Fact]
    public async Task Webhook_body_follows_the_contract_exactly_with_a_stable_id()
    {
        var message = OutboxHarness.Message(OutboxChannel.Webhook, "webhook", "hook-1", "approval.escalated_final") with { Class = "Critical" };
        await h.EnqueueCommittedAsync(message);

        await h.Dispatcher.DispatchDueAsync();

        var request = Assert.Single(hooks.Requests, r => r.Path == "/hook" && r.Body.Contains("hook-1"));
        var stableId = OutboxId.For("webhook", "approval_request", "hook-1", "approval.escalated_final", OutboxChannel.Webhook);
        Assert.Equal(stableId.ToString(), request.Headers["X-Ops-Event-Id"]);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(
            ["id", "event_key", "class", "subject_type", "subject_id", "recipient", "occurred_at", "title", "text", "link"],
            body.Select(p => p.Key));
        Assert.Equal(stableId, body["id"]!.GetValue<Guid>());
        Assert.Equal("approval.escalated_final", (string?)body["event_key"]);
        Assert.Equal("Critical", (string?)body["class"]);
        Assert.Equal("approval_request", (string?)body["subject_type"]);
        Assert.Equal("hook-1", (string?)body["subject_id"]);
        Assert.Equal("webhook", (string?)body["recipient"]);
        Assert.Equal(message.OccurredAt, body["occurred_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(message.Title, (string?)body["title"]);
        Assert.Equal(message.Text, (string?)body["text"]);
        Assert.Equal("https://ops.example/approvals/hook-1", (string?)body["link"]);
        Assert.Equal(JsonValueKind.String, body["occurred_at"]!.GetValueKind());
    }

    [Fact]
    public async Task A_non_success_answer_is_a_failure_with_the_status_in_last_error()
    {
        hooks.Answer = System.Net.HttpStatusCode.ServiceUnavailable;
        var message = OutboxHarness.Message(OutboxChannel.Webhook, "webhook", "hook-503");
        await h.EnqueueCommittedAsync(message);

        await h.Dispatcher.DispatchDueAsync();
        hooks.Answer = System.Net.HttpStatusCode.OK;

        var row = await h.RowAsync(message.Id);
        Assert.Equal(OutboxStatus.Pending, row!.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal("Webhook answered 503 Service Unavailable", row.LastError);
        Assert.Equal(OutboxHarness.Start.AddSeconds(5), row.NextAttemptAt);
    }

    [Fact]
    public async Task In_app_is_delivered_with_its_change_and_announced_when_that_commits()
    {
        var announced = new TaskCompletionSource<OpsConsole.Platform.Live.LiveChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The relay is not running here; the announcement is checked on the database's own channel instead.
        await using var conn = new Npgsql.NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        conn.Notification += (_, e) =>
        {
            if (OpsConsole.Platform.Live.LiveChange.FromPayload(e.Payload, new(AppLiveTopics.All)) is { Topic: "notifications" } change)
                announced.TrySetResult(change);
        };
        await using (var listen = new Npgsql.NpgsqlCommand($"LISTEN {OpsConsole.Platform.Live.LiveAnnouncer.Channel}", conn))
            await listen.ExecuteNonQueryAsync();
        var message = OutboxHarness.Message(OutboxChannel.InApp, "user-42", "inapp-1");
        var effects = TransitionEffects.Of(new AuditEntry(AuditEntry.System("test"), "test.noticed", "test", "inapp-1"));
        effects.Notices.Add(message);

        var outcome = await h.Services.GetRequiredService<GuardedTransitions>().RunAsync(
            new TransitionContext("test", "inapp-1", "notice", DeadLetterSources.Api),
            (_, _) => Task.FromResult(TransitionDecision.Apply("quiet", "noticed", effects)));

        Assert.IsType<TransitionOutcome.Applied>(outcome);
        var row = (await h.RowAsync(message.Id))!;
        Assert.Equal((OutboxStatus.Delivered, 1, (DateTimeOffset?)OutboxHarness.Start), (row.Status, row.Attempts, row.DeliveredAt));
        Assert.Equal(0, await h.Dispatcher.DispatchDueAsync());
        await conn.WaitAsync(TimeSpan.FromSeconds(10));
        var bell = await announced.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(("notifications", "created", "user-42"), (bell.Topic, bell.Kind, bell.SubjectId));
    }
}
