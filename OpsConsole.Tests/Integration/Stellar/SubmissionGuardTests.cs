using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Stellar;
using OpsConsole.Tests.Integration.Approvals;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Stellar;

/// <summary>Nothing is built for a request that is not Approved or whose SLA has expired, and nothing is sent once
/// max_time has passed; each refusal is audited with its reason.</summary>
[Trait("Category", "Integration")]
public sealed class SubmissionGuardTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly StellarHarness harness = new(fixture);

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task A_request_that_is_not_approved_is_refused_audited_and_left_to_be_submitted_once_approved()
    {
        var app = harness.Instance();
        var service = app.GetRequiredService<ApprovalService>();
        var created = await service.CreateAsync(ApprovalHarness.Mint() with
        {
            Payload = new MintPayload("EURE", harness.Issuer, ApprovalHarness.Issuer, 3m, null),
        });
        var id = created.Created!.Id;
        var submitter = app.GetRequiredService<MintSubmitter>();

        Assert.Null(await submitter.SubmitAsync(id));

        Assert.Empty(await harness.SubmissionsAsync(id));
        Assert.Contains(StellarAuditActions.Refused, await harness.AuditActionsAsync(id));
        await service.ActAsync(id, ApprovalCommand.Approve(), StellarHarness.Manager);
        await submitter.RunAsync(CancellationToken.None);
        Assert.Equal(SubmissionStatus.Pending, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        harness.NextLedger();
        await submitter.RunAsync(CancellationToken.None);
        Assert.Equal(SubmissionStatus.Confirmed, Assert.Single(await harness.SubmissionsAsync(id)).Status);
    }

    [Fact]
    public async Task An_approved_request_past_its_sla_expiry_is_refused_with_the_reason_and_never_built()
    {
        var app = harness.Instance();
        var id = await harness.ApprovedMintAsync(app);
        harness.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Null(await app.GetRequiredService<MintSubmitter>().SubmitAsync(id));

        var refused = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal((SubmissionStatus.Refused, "", ""), (refused.Status, refused.Hash, refused.EnvelopeXdr));
        Assert.Contains("SLA expired", refused.Reason);
        Assert.Contains(StellarAuditActions.Refused, await harness.AuditActionsAsync(id));
        Assert.Equal(ApprovalStatus.Approved, (await harness.RequestAsync(id)).Status);
        Assert.Equal(0, harness.Ledger.IncludedCount);
    }

    [Fact]
    public async Task Max_time_is_the_sla_expiry_when_it_comes_before_the_submit_window()
    {
        var app = harness.Instance();
        var id = await harness.ApprovedMintAsync(app);
        var expiry = (await harness.RequestAsync(id)).CreatedAt + SlaPolicy.MintDefault.ExpireAfter!.Value;
        harness.Clock.SetUtcNow(expiry - TimeSpan.FromMinutes(2));

        var submission = (await app.GetRequiredService<MintSubmitter>().SubmitAsync(id))!;

        Assert.Equal(expiry.ToUnixTimeSeconds(), submission.MaxTime!.Value.ToUnixTimeSeconds());
        Assert.Equal((ulong)expiry.ToUnixTimeSeconds(), PaymentXdr.FromBase64(submission.EnvelopeXdr).Transaction.TimeBounds.MaxTime);
    }

    [Fact]
    public async Task A_stored_envelope_whose_max_time_passed_is_not_sent_only_looked_up_and_the_refusal_audited_once()
    {
        var app = harness.Instance();
        var id = await harness.ApprovedMintAsync(app);
        harness.Ledger.TryAgainLaterNext(1);
        var submitter = app.GetRequiredService<MintSubmitter>();
        var submission = (await submitter.SubmitAsync(id))!;

        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await submitter.ReconcileAsync(submission.Id);
        await submitter.ReconcileAsync(submission.Id);

        var attempts = (await harness.AttemptsAsync(submission.Id)).Select(a => $"{a.Kind} {a.Answer}").ToList();
        Assert.Equal(["send TRY_AGAIN_LATER", "send NOT_SENT", "lookup NOT_FOUND", "send NOT_SENT", "lookup NOT_FOUND"], attempts);
        Assert.Single(await harness.AuditActionsAsync(id), StellarAuditActions.SendRefused);
        harness.NextLedger();
        await submitter.ReconcileAsync(submission.Id);
        Assert.Equal(SubmissionStatus.TimeoutFailed, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        Assert.Equal(0, harness.Ledger.IncludedCount);
    }
}
