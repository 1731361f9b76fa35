using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Platform.Outbox;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Notifications;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>
/// The failure modes of docs/pack-approvals-failure-modes.md, each on a real part: an SMTP server that is down, a
/// database that refuses its clients. (The third, a Task Runner callback that is down, is
/// <see cref="PackAckTests.A_receiver_that_is_down_gets_a_dead_letter_whose_retry_delivers"/>.)
/// </summary>
[Trait("Category", "Integration")]
public sealed class PackFailureModeTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Events = "/notifications/pack-approvals";
    readonly int smtpPort = FreePort.Next();
    AlertsApp app = null!;

    public Task InitializeAsync()
    {
        app = new AlertsApp(fixture, new Dictionary<string, string?>
        {
            ["PackApprovals:Department"] = "treasury",
            ["Notifications:MaxAttempts"] = "2",
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:From"] = "ops@example.com",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    NotificationDispatcher Dispatcher => app.Host.Services.GetRequiredService<NotificationDispatcher>();

    Task<HttpResponseMessage> SendAsync(PackEvent e) => app.PostEventAsync(PackEventsFor.Json(e));

    Task<HttpResponseMessage> AckAsync(PackApprovalRequested r) =>
        app.PostAsync(PackEventsFor.AckPath(r), PackEventsFor.Json(PackEventsFor.Ack(r, PackDecisions.Approve)));

    [Fact]
    public async Task A_mail_server_outage_holds_back_neither_the_event_nor_the_decision_and_its_dead_letters_deliver_once_it_is_back()
    {
        var requested = PackEventsFor.Requested("run-smtp-down", app.Clock.GetUtcNow());
        using (var accepted = await SendAsync(requested))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using (var decided = await AckAsync(requested))
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        await using var db = fixture.CreateContext();
        var approval = await db.PackApprovals.AsNoTracking().SingleAsync(p => p.RunId == "run-smtp-down");
        string[] subjects = [approval.RequestId.ToString(), approval.Id.ToString()];
        IQueryable<OutboxEntry> Mail() => db.NotificationOutbox.AsNoTracking().Where(o => o.Channel == OutboxChannel.Email && subjects.Contains(o.SubjectId));
        Assert.NotEmpty(await Mail().ToListAsync());
        // Nobody listens on the SMTP port: each mail is tried twice, then given up with a dead letter.
        for (var round = 0; round < 20 && await Mail().AnyAsync(o => o.Status == OutboxStatus.Pending); round++)
        {
            await Dispatcher.DispatchDueAsync();
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var mails = await Mail().ToListAsync();
        Assert.All(mails, m => Assert.Equal(OutboxStatus.Failed, m.Status));
        // The bell never depended on the mail server.
        Assert.True(await db.NotificationOutbox.AnyAsync(o => o.Channel == OutboxChannel.InApp && o.SubjectId == approval.RequestId.ToString()
            && o.Status == OutboxStatus.Delivered));

        await using var sink = await SmtpSink.StartAsync(smtpPort);
        var remediator = await app.Host.PrincipalAsync("remediator@demo.local");
        foreach (var mail in mails)
        {
            var letter = await db.DeadLetters.AsNoTracking().SingleAsync(d => d.AggregateId == mail.Id.ToString());
            var retried = await app.Host.Services.GetRequiredService<DeadLetterRemediation>().RetryAsync(remediator, letter.Id);
            Assert.Equal(RemediationOutcome.Resolved, retried.Outcome);
        }
        await Eventually.TrueAsync(() => sink.Output.Contains($"/approvals/{approval.RequestId}", StringComparison.Ordinal),
            "the held-back mail reaches the server with the request's link");
        Assert.DoesNotContain(PackEventsFor.Token, sink.Output);
    }

    [Fact]
    public async Task While_the_database_refuses_its_clients_events_and_decisions_get_503_and_nothing_is_lost_when_sent_again()
    {
        var earlier = PackEventsFor.Requested("run-db-earlier", app.Clock.GetUtcNow());
        using (var accepted = await SendAsync(earlier))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var during = PackEventsFor.Requested("run-db-during", app.Clock.GetUtcNow());

        await using (await DatabaseOutage.BeginAsync(fixture.ConnectionString))
        {
            // Sent as is: with the database away there is nothing the test could have the app apply.
            using var refusedEvent = await app.PostAsync(Events, PackEventsFor.Json(during));
            using var refusedAck = await AckAsync(earlier);

            Assert.True(refusedEvent.StatusCode == HttpStatusCode.ServiceUnavailable,
                $"{refusedEvent.StatusCode}: {await refusedEvent.Content.ReadAsStringAsync()}");
            Assert.NotNull(refusedEvent.Headers.RetryAfter);
            Assert.True(refusedAck.StatusCode == HttpStatusCode.ServiceUnavailable,
                $"{refusedAck.StatusCode}: {await refusedAck.Content.ReadAsStringAsync()}");
            Assert.NotNull(refusedAck.Headers.RetryAfter);
        }

        // The client sends both again, as the README tells it to: each is taken once.
        using (var again = await SendAsync(during))
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        using (var ack = await AckAsync(earlier))
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await using var db = fixture.CreateContext();
        Assert.Equal(1, await db.PackApprovals.CountAsync(p => p.RunId == "run-db-during"));
        var decided = await db.PackApprovals.AsNoTracking().SingleAsync(p => p.RunId == "run-db-earlier");
        Assert.Equal(PackDecisions.Approve, decided.Decision);
        Assert.Equal(1, await db.NotificationOutbox.CountAsync(o => o.Id == PackDecisionEffects.ResumeCall(decided).Id));
    }
}
