using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>The real app with the real clock: a step fires at its due time, not at the due job's next interval.</summary>
[Trait("Category", "Integration")]
public sealed class SlaWakeupTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // The lateness bound of a single step (the maximum); the interval job runs only once an hour here.
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    OpsAppFactory app = null!;

    public async Task InitializeAsync()
    {
        await using (var db = fixture.CreateContext())
            await ApprovalUsers.EnsureDepartmentAsync(db, ApprovalHarness.Department);
        app = new OpsAppFactory(fixture.ConnectionString, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Sla:Policies:Mint:RemindAfter"] = "00:00:03",
            ["Sla:DueJobInterval"] = "01:00:00",
            ["Sla:SweepInterval"] = "01:00:00",
        });
        _ = app.Server;
        await Eventually.TrueAsync(() => app.Services.GetRequiredService<LiveRelay>().IsListening, "the app listens for signals");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_step_due_in_three_seconds_fires_within_the_lateness_bound()
    {
        var created = await app.Services.GetRequiredService<ApprovalService>().CreateAsync(ApprovalHarness.Mint());
        var request = created.Created!;
        var due = request.NextDueAt!.Value;
        Assert.InRange(due - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

        var harness = new ApprovalHarness(fixture);
        var reminded = await Poll.UntilAsync(async () => (await harness.ReadAsync(request.Id)).RemindedAt, r => r is not null,
            TimeSpan.FromSeconds(30));
        var seen = DateTimeOffset.UtcNow;

        Assert.InRange(reminded!.Value, due, due + Bound);
        Assert.InRange(seen - due, TimeSpan.Zero, Bound);
    }
}
