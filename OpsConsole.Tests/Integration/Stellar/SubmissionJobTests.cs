using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Stellar;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Stellar;

/// <summary>In the real app, with nothing but an approval: the job builds, sends and confirms the mint on the
/// simulated network by itself. (Without demo data, whose one doomed mint would make this one wait for it to end.)</summary>
[Trait("Category", "Integration")]
public sealed class SubmissionJobTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task An_approval_is_minted_and_confirmed_by_the_job_alone()
    {
        await using var app = new OpsAppFactory(fixture.ConnectionString, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Stellar:Mode"] = "Simulated",
            ["Stellar:ReconcileInterval"] = "00:00:01",
        });
        app.CreateClient().Dispose();
        await using (var db = fixture.CreateContext())
        {
            db.Departments.Add(new Department { Id = "treasury", Name = "Treasury" });
            await db.SaveChangesAsync();
        }
        await using var scope = app.Services.CreateAsyncScope();
        var approvals = scope.ServiceProvider.GetRequiredService<ApprovalService>();
        var created = await approvals.CreateAsync(new NewApprovalRequest(ApprovalKind.Mint, "Mint by the job", "treasury", "operator@demo.local",
            new MintPayload("OPS", IssuerKey.SimulatedAccountId(), "GA5URGZFSFZVLKSKK55UK4QW45HWTRAF74C46KV25JYJKXXEQFU56QC4", 7m, null)));
        var id = created.Created!.Id;

        Assert.IsType<TransitionOutcome.Applied>(await approvals.ActAsync(id, ApprovalCommand.Approve(), StellarHarness.Manager));

        // The simulated network closes a ledger every 5 s of real time here.
        var status = await Poll.UntilAsync(async () =>
        {
            await using var db = fixture.CreateContext();
            return (await db.ApprovalRequests.SingleAsync(r => r.Id == id)).Status;
        }, s => s == ApprovalStatus.Confirmed, TimeSpan.FromSeconds(40));
        Assert.Equal(ApprovalStatus.Confirmed, status);
        await using var check = fixture.CreateContext();
        var submission = await check.StellarSubmissions.SingleAsync(s => s.RequestId == id);
        Assert.Equal(SubmissionStatus.Confirmed, submission.Status);
        Assert.Equal(7 * Stroops.PerUnit, PaymentXdr.FromBase64(submission.EnvelopeXdr).Transaction.Payment.Amount);
    }
}
