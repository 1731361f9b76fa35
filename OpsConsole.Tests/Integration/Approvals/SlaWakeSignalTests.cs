using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Outbox;
using OpsConsole.Platform.Wakeups;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>Each commit that sets a due time tells every instance when, on the wake-up channel: a new request's first
/// step, a queued notice's, and a deferral's end.</summary>
[Trait("Category", "Integration")]
public sealed class SlaWakeSignalTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly ApprovalHarness harness = new(fixture);
    readonly ConcurrentQueue<(string Job, DateTimeOffset At)> heard = new();
    NpgsqlConnection listener = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        listener = new NpgsqlConnection(fixture.ConnectionString);
        listener.Notification += (_, e) =>
        {
            if (WakeupSignal.TryParse(e.Payload, out var job, out var at))
                heard.Enqueue((job, at));
        };
        await listener.OpenAsync();
        await using var listen = new NpgsqlCommand($"LISTEN {WakeupSignal.Channel}", listener);
        await listen.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await listener.DisposeAsync();
        await harness.DisposeAsync();
    }

    [Fact]
    public async Task A_new_request_a_deferral_and_a_queued_notice_each_send_their_time()
    {
        var app = harness.Instance(new Dictionary<string, string?> { ["Notifications:Webhook:Url"] = "http://127.0.0.1:9/hook" });
        var id = await harness.CreateAsync(app.GetRequiredService<ApprovalService>());
        await HeardAsync((SlaTimers.WakeJob, ApprovalHarness.Start.AddHours(4)));
        await HeardAsync((OutboxFeature.DispatchJob, ApprovalHarness.Start));

        var until = await app.GetRequiredService<SlaDeferrals>().DeferAsync(id, SlaTimers.ApplyDueOperation, default);

        await HeardAsync((SlaTimers.WakeJob, until!.Value));
    }

    async Task HeardAsync((string Job, DateTimeOffset At) signal)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!heard.Contains(signal))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No wake-up {signal}; heard: {string.Join("; ", heard)}");
            await listener.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }
}
