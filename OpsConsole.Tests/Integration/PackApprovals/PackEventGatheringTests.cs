using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.PackApprovals;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Wakeups;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.PackApprovals;

/// <summary>An accepted event is applied once its batch has gathered: the instance that took it wakes its processing a
/// moment later, not at once, and the database names the same time to every instance. A database of its own, so that no
/// event of another test waits beside it.</summary>
[Trait("Category", "Integration")]
public sealed class PackEventGatheringTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly AlertsApp app = new(fixture, new Dictionary<string, string?>
    {
        ["PackApprovals:Department"] = "treasury",
        [JobsSettings.EnabledSetting] = "false",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    [Fact]
    public async Task An_accepted_event_wakes_the_processing_once_its_batch_has_gathered()
    {
        var processing = app.Host.Services.GetRequiredService<PackEventProcessing>();
        var wakeups = app.Host.Services.GetRequiredService<WakeupTimers>();
        var job = JobRegistration.KeyOf<PackEventsJob>();
        Assert.Null(await processing.EarliestAsync(null, CancellationToken.None));
        // On a whole second, which PostgreSQL stores as it is (it keeps microseconds, the clock ticks of 100 ns).
        var now = app.Clock.GetUtcNow();
        var accepted = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddSeconds(1);
        app.Clock.SetUtcNow(accepted);

        using (var response = await app.PostAsync(PackEventPosting.Path, PackEventsFor.Json(PackEventsFor.Requested("run-gathered", accepted))))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        Assert.True(PackEventProcessing.GatherFor > TimeSpan.Zero);
        Assert.Equal(accepted + PackEventProcessing.GatherFor, wakeups.ArmedFor(job));
        Assert.Equal(accepted + PackEventProcessing.GatherFor, await processing.EarliestAsync(null, CancellationToken.None));
        await app.EventsAppliedAsync();
        Assert.Null(await processing.EarliestAsync(null, CancellationToken.None));
    }
}
