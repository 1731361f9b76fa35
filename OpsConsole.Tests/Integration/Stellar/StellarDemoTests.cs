using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Stellar;
using OpsConsole.Tests.Integration.AuditPerChange;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Stellar;

/// <summary>The demo mints on the simulated network by itself: its approved mints are confirmed by the submission job,
/// and its one doomed mint is sent, dropped by the network, and proven TimeoutFailed once a ledger closes after its
/// maxTime, through the same path as any mint.</summary>
[Trait("Category", "Integration")]
public sealed class StellarDemoTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_demo_confirms_its_approved_mints_and_one_ends_timeout_failed_by_itself()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new OpsAppFactory(fixture.ConnectionString, new Dictionary<string, string?>
        {
            // The job's pass at start builds and sends; the test runs the same pass as the clock moves.
            ["Stellar:ReconcileInterval"] = "01:00:00",
        })
        { Clock = clock };
        app.CreateClient().Dispose();
        var submitter = app.Services.GetRequiredService<MintSubmitter>();
        var seededAt = clock.GetUtcNow();

        // Five-second ledgers for a minute: the doomed mint's SLA, and so its maxTime, ends half a minute in.
        for (var i = 0; i < 12; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await submitter.RunAsync(CancellationToken.None);
        }

        await using var db = fixture.CreateContext();
        var issuer = IssuerKey.SimulatedAccountId();
        var mints = (await db.ApprovalRequests.AsNoTracking().ToListAsync()).Where(r => r.Payload is MintPayload m && m.Issuer == issuer)
            .ToDictionary(r => r.Title);
        Assert.Equal(ApprovalStatus.Confirmed, mints["Mint 2,000 EURE Porto desk float"].Status);
        Assert.Equal(ApprovalStatus.Confirmed, mints["Mint 350 EURE card settlement"].Status);
        Assert.Equal(ApprovalStatus.Pending, mints["Mint 1,500 EURE Madrid desk float"].Status);
        var doomed = mints["Mint 700 EURE partner payout, never included"];
        Assert.Equal(ApprovalStatus.TimeoutFailed, doomed.Status);

        var submission = await db.StellarSubmissions.AsNoTracking().SingleAsync(s => s.RequestId == doomed.Id);
        Assert.Equal(SubmissionStatus.TimeoutFailed, submission.Status);
        Assert.Contains("can never land", submission.Reason);
        // Its maxTime was its SLA expiry, half a minute after the demo started, and the timeout came only after it.
        Assert.InRange(submission.MaxTime!.Value, seededAt + TimeSpan.FromSeconds(29), seededAt + TimeSpan.FromSeconds(30));
        Assert.True(submission.FinishedAt > submission.MaxTime);
        var attempts = await db.StellarSubmissionAttempts.AsNoTracking().Where(a => a.SubmissionId == submission.Id).ToListAsync();
        Assert.Contains(attempts, a => a.Kind == "send" && a.Answer == "PENDING");
        Assert.All(attempts.Where(a => a.Kind == "lookup"), a => Assert.Equal("NOT_FOUND", a.Answer));
        var actions = await AuditCounts.ActionsAsync(fixture.ConnectionString, ApprovalAuditActions.SubjectType, doomed.Id.ToString());
        Assert.Equal([ApprovalAuditActions.Approved, ApprovalAuditActions.Submitted, ApprovalAuditActions.TimeoutFailed], actions.Skip(1));
    }
}
