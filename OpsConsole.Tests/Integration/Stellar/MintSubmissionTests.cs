using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Stellar;
using OpsConsole.Features.Stellar.Network;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Stellar;

/// <summary>Approved mints submitted to the simulated network, through the real RPC client, to an end an operator can
/// trust: confirmed once, failed with its codes, or timed out only when that is proven.</summary>
[Trait("Category", "Integration")]
public sealed class MintSubmissionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly StellarHarness harness = new(fixture);

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task An_approved_mint_is_stored_sent_and_confirmed_with_its_ledger()
    {
        var app = harness.Instance();
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();

        var built = await submitter.SubmitAsync(id);

        Assert.NotNull(built);
        var submission = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal((SubmissionStatus.Pending, ApprovalStatus.Submitted), (submission.Status, (await harness.RequestAsync(id)).Status));
        var envelope = PaymentXdr.FromBase64(submission.EnvelopeXdr);
        Assert.Equal(submission.Hash, TransactionHash.ComputeHex(envelope.Transaction, StellarNetwork.TestnetPassphrase));
        Assert.Equal((0UL, (ulong)(harness.Clock.GetUtcNow() + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds()),
            (envelope.Transaction.TimeBounds.MinTime, envelope.Transaction.TimeBounds.MaxTime));
        Assert.Equal(1_255_000_000L, envelope.Transaction.Payment.Amount);

        harness.NextLedger();
        await submitter.ReconcileAsync(submission.Id);

        submission = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal(SubmissionStatus.Confirmed, submission.Status);
        Assert.NotNull(submission.Ledger);
        Assert.Equal(ApprovalStatus.Confirmed, (await harness.RequestAsync(id)).Status);
        Assert.Equal(1, harness.Ledger.IncludedCount);
        Assert.Equal(["send PENDING", "lookup SUCCESS"], (await harness.AttemptsAsync(submission.Id)).Select(a => $"{a.Kind} {a.Answer}"));
        var actions = await harness.AuditActionsAsync(id);
        Assert.Equal(["stellar.submission_built", "approval.submitted", "stellar.submission_sent", "stellar.submission_confirmed", "approval.confirmed"],
            actions.SkipWhile(a => a != "stellar.submission_built"));
    }

    [Fact]
    public async Task A_dropped_transaction_is_not_found_until_a_ledger_closes_past_max_time_and_only_then_times_out()
    {
        var app = harness.Instance();
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        harness.Ledger.DropNext(1);
        var submission = (await submitter.SubmitAsync(id))!;

        // Ledgers close up to and including maxTime: the envelope could still land in each of them.
        while (harness.Clock.GetUtcNow() < submission.MaxTime)
        {
            harness.NextLedger();
            await submitter.ReconcileAsync(submission.Id);
            if (harness.Clock.GetUtcNow() <= submission.MaxTime)
                Assert.Equal(SubmissionStatus.Pending, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        }
        harness.NextLedger();
        await submitter.ReconcileAsync(submission.Id);

        var ended = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal(SubmissionStatus.TimeoutFailed, ended.Status);
        Assert.Contains("can never land", ended.Reason);
        Assert.Equal(ApprovalStatus.TimeoutFailed, (await harness.RequestAsync(id)).Status);
        Assert.Equal(0, harness.Ledger.IncludedCount);
        Assert.All((await harness.AttemptsAsync(submission.Id)).Skip(1), a => Assert.Equal("NOT_FOUND", a.Answer));
    }

    [Fact]
    public async Task Not_found_after_max_time_when_the_network_forgot_the_ledgers_it_could_be_in_is_unknown_and_escalated_not_guessed()
    {
        var app = harness.Instance();
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        harness.Ledger.DropNext(1);
        var submission = (await submitter.SubmitAsync(id))!;

        harness.Clock.Advance(TimeSpan.FromMinutes(6));
        harness.Ledger.ForgetBefore(submission.BuiltAtLedger + 1);
        await submitter.ReconcileAsync(submission.Id);
        await submitter.RunAsync(CancellationToken.None);

        var unknown = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal(SubmissionStatus.Unknown, unknown.Status);
        Assert.Contains($"only remembers ledgers from {submission.BuiltAtLedger + 1}", unknown.Reason);
        Assert.Equal(ApprovalStatus.Submitted, (await harness.RequestAsync(id)).Status);
        await using var db = fixture.CreateContext();
        var escalated = await db.AuditEvents.SingleAsync(e => e.SubjectId == id.ToString() && e.Action == ApprovalAuditActions.MintUnknown);
        Assert.Equal("mint.unknown", escalated.Details["notified"]![0]!.GetValue<string>());
        // Unknown is not open: later passes neither send nor look it up again.
        Assert.Equal(["send PENDING", "lookup NOT_FOUND"], (await harness.AttemptsAsync(submission.Id)).Select(a => $"{a.Kind} {a.Answer}"));
    }

    [Fact]
    public async Task Try_again_later_sends_the_same_envelope_again_and_it_lands()
    {
        var app = harness.Instance();
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        harness.Ledger.TryAgainLaterNext(1);

        var submission = (await submitter.SubmitAsync(id))!;
        Assert.Equal(SubmissionStatus.Built, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        await submitter.ReconcileAsync(submission.Id);
        harness.NextLedger();
        await submitter.ReconcileAsync(submission.Id);

        Assert.Equal(SubmissionStatus.Confirmed, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        Assert.Equal(["send TRY_AGAIN_LATER", "send PENDING", "lookup SUCCESS"], (await harness.AttemptsAsync(submission.Id)).Select(a => $"{a.Kind} {a.Answer}"));
        Assert.Equal(1, harness.Ledger.IncludedCount);
    }

    [Fact]
    public async Task A_duplicate_send_is_followed_by_a_lookup_not_a_new_transaction()
    {
        var app = harness.Instance();
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        var submission = (await submitter.SubmitAsync(id))!;

        // The same envelope again while it waits in the queue.
        var (status, hash, _) = harness.Ledger.Send(submission.EnvelopeXdr);
        harness.NextLedger();
        await submitter.ReconcileAsync(submission.Id);

        Assert.Equal(("DUPLICATE", submission.Hash), (status, hash));
        Assert.Equal(SubmissionStatus.Confirmed, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        Assert.Equal(1, harness.Ledger.IncludedCount);
    }

    [Fact]
    public async Task A_lost_answer_after_the_envelope_landed_then_bad_sequence_on_the_resend_is_confirmed_with_one_payment()
    {
        var lose = new LosingNetwork();
        var app = harness.Instance(inner => lose.Around(inner));
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        lose.LoseNextSendAnswer = true;

        var submission = (await submitter.SubmitAsync(id))!;
        Assert.Equal(SubmissionStatus.Built, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        harness.NextLedger();
        await submitter.ReconcileAsync(submission.Id);

        var ended = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal(SubmissionStatus.Confirmed, ended.Status);
        Assert.Equal(ApprovalStatus.Confirmed, (await harness.RequestAsync(id)).Status);
        Assert.Equal(1, harness.Ledger.IncludedCount);
        Assert.Equal(["send NO_ANSWER", "lookup NOT_FOUND", "send ERROR tx_bad_seq", "lookup SUCCESS"],
            (await harness.AttemptsAsync(submission.Id)).Select(a => $"{a.Kind} {a.Answer}"));
    }

    [Fact]
    public async Task A_sequence_taken_by_another_writer_supersedes_the_envelope_after_a_second_look_and_one_rebuild_lands()
    {
        var lose = new LosingNetwork();
        var app = harness.Instance(inner => lose.Around(inner));
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        // Another writer takes the issuing account's next number between our read of it and our send.
        lose.BeforeNextSend = () => harness.Ledger.BumpSequence(harness.Issuer, 1);

        var first = (await submitter.SubmitAsync(id))!;
        Assert.Equal(SubmissionStatus.Built, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        harness.NextLedger();
        await submitter.ReconcileAsync(first.Id);
        harness.NextLedger();
        var open = (await harness.SubmissionsAsync(id)).Single(s => s.Status == SubmissionStatus.Pending);
        await submitter.ReconcileAsync(open.Id);

        var all = await harness.SubmissionsAsync(id);
        Assert.Equal(2, all.Count);
        Assert.Equal(SubmissionStatus.Superseded, all[0].Status);
        Assert.Equal((SubmissionStatus.Confirmed, all[0].Id), (all[1].Status, all[1].RebuildOf));
        Assert.Equal(all[0].Sequence + 1, all[1].Sequence);
        Assert.Equal(ApprovalStatus.Confirmed, (await harness.RequestAsync(id)).Status);
        Assert.Equal(1, harness.Ledger.IncludedCount);
    }

    [Fact]
    public async Task A_crash_between_storing_and_sending_is_picked_up_after_a_restart_and_mints_once()
    {
        var crash = new LosingNetwork { CrashOnSend = true };
        var id = await harness.ApprovedMintAsync(harness.Instance());
        var crashing = harness.Instance(inner => crash.Around(inner)).GetRequiredService<MintSubmitter>();

        await Assert.ThrowsAsync<OperationCanceledException>(() => crashing.SubmitAsync(id));
        var stored = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal(SubmissionStatus.Built, stored.Status);

        var restarted = harness.Instance().GetRequiredService<MintSubmitter>();
        await restarted.RunAsync(CancellationToken.None);
        harness.NextLedger();
        await restarted.RunAsync(CancellationToken.None);

        var ended = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal((SubmissionStatus.Confirmed, stored.Hash, stored.EnvelopeXdr), (ended.Status, ended.Hash, ended.EnvelopeXdr));
        Assert.Equal(1, harness.Ledger.IncludedCount);
    }

    [Fact]
    public async Task A_payment_included_but_failed_is_a_submission_failure_with_its_codes_in_words()
    {
        var app = harness.Instance();
        var id = await harness.ApprovedMintAsync(app);
        harness.Ledger.FailPaymentsTo(Approvals.ApprovalHarness.Issuer);
        var submitter = app.GetRequiredService<MintSubmitter>();

        var submission = (await submitter.SubmitAsync(id))!;
        harness.NextLedger();
        await submitter.ReconcileAsync(submission.Id);

        var ended = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal((SubmissionStatus.SubmissionFailed, "tx_failed op_no_trust"), (ended.Status, ended.ResultCodes));
        Assert.Contains("no trustline", ended.Reason);
        Assert.Equal(ApprovalStatus.SubmissionFailed, (await harness.RequestAsync(id)).Status);
        await using var db = fixture.CreateContext();
        var failed = await db.AuditEvents.SingleAsync(e => e.SubjectId == id.ToString() && e.Action == ApprovalAuditActions.SubmissionFailed);
        Assert.Equal("mint.failed", failed.Details["notified"]![0]!.GetValue<string>());
        Assert.Contains("no trustline", failed.Details["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_instances_submitting_the_same_request_at_once_build_one_transaction()
    {
        var id = await harness.ApprovedMintAsync(harness.Instance());
        var one = harness.Instance().GetRequiredService<MintSubmitter>();
        var two = harness.Instance().GetRequiredService<MintSubmitter>();

        await Task.WhenAll(one.SubmitAsync(id), two.SubmitAsync(id), one.RunAsync(CancellationToken.None), two.RunAsync(CancellationToken.None));
        harness.NextLedger();
        await one.RunAsync(CancellationToken.None);

        Assert.Equal(SubmissionStatus.Confirmed, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        Assert.Equal(1, harness.Ledger.IncludedCount);
    }

    /// <summary>The simulated network's client with a fault put in front of it.</summary>
    sealed class LosingNetwork
    {
        public bool LoseNextSendAnswer { get; set; }
        public bool CrashOnSend { get; set; }
        public Action? BeforeNextSend { get; set; }

        public IStellarNetwork Around(IStellarNetwork inner) => new Wrapped(inner, this);

        sealed class Wrapped(IStellarNetwork inner, LosingNetwork faults) : IStellarNetwork
        {
            public Task<LedgerState> LatestLedgerAsync(CancellationToken ct) => inner.LatestLedgerAsync(ct);

            public Task<long> AccountSequenceAsync(string accountId, CancellationToken ct) => inner.AccountSequenceAsync(accountId, ct);

            public Task<LookupAnswer> LookupAsync(string hash, CancellationToken ct) => inner.LookupAsync(hash, ct);

            public async Task<SendAnswer> SendAsync(string envelopeXdr, CancellationToken ct)
            {
                if (faults.CrashOnSend)
                    throw new OperationCanceledException("The process died before the send.");
                if (faults.BeforeNextSend is { } before)
                {
                    faults.BeforeNextSend = null;
                    before();
                }
                var answer = await inner.SendAsync(envelopeXdr, ct);
                if (!faults.LoseNextSendAnswer)
                    return answer;
                faults.LoseNextSendAnswer = false;
                throw new StellarNetworkException("HTTP 504: the answer was lost.");
            }
        }
    }
}
