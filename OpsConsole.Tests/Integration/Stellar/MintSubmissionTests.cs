using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Stellar;
using OpsConsole.Features.Stellar.Network;
using OpsConsole.Features.Stellar.Simulation;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Stellar;

/// <summary>Approved mints submitted to the simulated network, through the real Stellar RPC and Horizon clients (each
/// case once per API), to an end an operator can trust: confirmed once, failed with its codes, or timed out only when
/// that is proven. Horizon holds a submission until a ledger includes it; <see cref="StellarHarness.DriveAsync"/> closes
/// ledgers while it waits.</summary>
[Trait("Category", "Integration")]
public sealed class MintSubmissionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly StellarHarness harness = new(fixture);

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    public static TheoryData<string> Apis => [nameof(SimulatedApi.Rpc), nameof(SimulatedApi.Horizon)];

    IServiceProvider App(string api, Func<IStellarNetwork, IStellarNetwork>? network = null)
    {
        harness.Api = api;
        return harness.Instance(network);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task An_approved_mint_is_stored_sent_and_confirmed_with_its_ledger(string api)
    {
        var app = App(api);
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        var builtAt = harness.Clock.GetUtcNow();

        var built = await harness.DriveAsync(submitter.SubmitAsync(id));

        Assert.NotNull(built);
        var submission = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal((SubmissionStatus.Pending, ApprovalStatus.Submitted), (submission.Status, (await harness.RequestAsync(id)).Status));
        var envelope = PaymentXdr.FromBase64(submission.EnvelopeXdr);
        Assert.Equal(submission.Hash, TransactionHash.ComputeHex(envelope.Transaction, StellarNetwork.TestnetPassphrase));
        Assert.Equal((0UL, (ulong)(builtAt + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds()),
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

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task A_dropped_transaction_is_not_found_until_a_ledger_closes_past_max_time_and_only_then_times_out(string api)
    {
        var app = App(api);
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        harness.Ledger.DropPaymentsTo(Approvals.ApprovalHarness.Issuer);
        var submission = (await harness.DriveAsync(submitter.SubmitAsync(id)))!;

        // Ledgers close up to and including maxTime: the envelope could still land in each of them. (Horizon gives up
        // waiting with a 504, so there the envelope stays Built and is sent again, the same bytes, until maxTime.)
        while (harness.Clock.GetUtcNow() < submission.MaxTime)
        {
            harness.NextLedger();
            await harness.DriveAsync(submitter.ReconcileAsync(submission.Id));
            if (harness.Clock.GetUtcNow() <= submission.MaxTime)
                Assert.Contains(Assert.Single(await harness.SubmissionsAsync(id)).Status, new[] { SubmissionStatus.Built, SubmissionStatus.Pending });
        }
        harness.NextLedger();
        await harness.DriveAsync(submitter.ReconcileAsync(submission.Id));

        var ended = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal(SubmissionStatus.TimeoutFailed, ended.Status);
        Assert.Contains("can never land", ended.Reason);
        Assert.Equal(ApprovalStatus.TimeoutFailed, (await harness.RequestAsync(id)).Status);
        Assert.Equal(0, harness.Ledger.IncludedCount);
        var attempts = await harness.AttemptsAsync(submission.Id);
        Assert.All(attempts.Where(a => a.Kind == "lookup"), a => Assert.Equal("NOT_FOUND", a.Answer));
    }

    /// <summary>Over Stellar RPC only: Horizon holds each submission until its ledger, so one console never builds an
    /// envelope behind another in the same ledger there.</summary>
    [Fact]
    public async Task The_number_of_an_envelope_that_timed_out_is_used_again_and_the_envelope_waiting_behind_it_lands()
    {
        // The lost envelope gets a one-minute window, the one built right behind it five minutes.
        var shortWindow = harness.Instance(settings: new Dictionary<string, string?> { ["Stellar:SubmitWindow"] = "00:01:00" });
        var app = harness.Instance();
        var submitter = app.GetRequiredService<MintSubmitter>();
        harness.Ledger.DropPaymentsTo(Nowhere);
        var lostRequest = await harness.ApprovedMintAsync(app, destination: Nowhere);
        var behindRequest = await harness.ApprovedMintAsync(app);
        var lost = (await harness.DriveAsync(shortWindow.GetRequiredService<MintSubmitter>().SubmitAsync(lostRequest)))!;
        var behind = (await harness.DriveAsync(submitter.SubmitAsync(behindRequest)))!;
        Assert.Equal(lost.Sequence + 1, behind.Sequence);

        while (await StatusAsync(lost.Id) != SubmissionStatus.TimeoutFailed)
        {
            harness.NextLedger();
            await harness.DriveAsync(submitter.RunAsync(CancellationToken.None));
        }
        // It can land only once the number before it is used.
        Assert.Contains(await StatusAsync(behind.Id), new[] { SubmissionStatus.Built, SubmissionStatus.Pending });
        var next = (await harness.DriveAsync(submitter.SubmitAsync(await harness.ApprovedMintAsync(app))))!;
        for (var i = 0; i < 3; i++)
        {
            harness.NextLedger();
            await harness.DriveAsync(submitter.RunAsync(CancellationToken.None));
        }

        Assert.Equal(lost.Sequence, next.Sequence);
        Assert.Equal((SubmissionStatus.Confirmed, SubmissionStatus.Confirmed), (await StatusAsync(next.Id), await StatusAsync(behind.Id)));
        Assert.Equal(2, harness.Ledger.IncludedCount);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task A_new_mint_waits_while_an_envelope_before_it_is_still_not_found_two_ledgers_on_and_then_takes_its_number(string api)
    {
        harness.Api = api;
        // Ten minutes, so that Horizon's 30 s waits for a ledger leave the lost envelope open while the new mint waits.
        var app = harness.Instance(settings: new Dictionary<string, string?> { ["Stellar:SubmitWindow"] = "00:10:00" });
        var submitter = app.GetRequiredService<MintSubmitter>();
        harness.Ledger.DropPaymentsTo(Nowhere);
        var lost = (await harness.DriveAsync(submitter.SubmitAsync(await harness.ApprovedMintAsync(app, destination: Nowhere))))!;
        for (var i = 0; i < 2; i++)
        {
            harness.NextLedger();
            await harness.DriveAsync(submitter.RunAsync(CancellationToken.None));
        }

        var waiting = await harness.ApprovedMintAsync(app);
        var result = await harness.DriveAsync(submitter.RunAsync(CancellationToken.None));

        Assert.Contains($"wait behind {lost.Hash}", result);
        Assert.Empty(await harness.SubmissionsAsync(waiting));
        Assert.Equal(ApprovalStatus.Approved, (await harness.RequestAsync(waiting)).Status);
        while (await StatusAsync(lost.Id) != SubmissionStatus.TimeoutFailed)
        {
            harness.NextLedger();
            await harness.DriveAsync(submitter.RunAsync(CancellationToken.None));
            Assert.True(await StatusAsync(lost.Id) == SubmissionStatus.TimeoutFailed || (await harness.SubmissionsAsync(waiting)).Count == 0);
        }
        for (var i = 0; i < 3; i++)
        {
            harness.NextLedger();
            await harness.DriveAsync(submitter.RunAsync(CancellationToken.None));
        }
        var minted = Assert.Single(await harness.SubmissionsAsync(waiting));
        Assert.Equal((SubmissionStatus.Confirmed, lost.Sequence), (minted.Status, minted.Sequence));
        Assert.Equal(1, harness.Ledger.IncludedCount);
    }

    const string Nowhere = "GA5URGZFSFZVLKSKK55UK4QW45HWTRAF74C46KV25JYJKXXEQFU56QC4";

    async Task<SubmissionStatus> StatusAsync(Guid submissionId)
    {
        await using var db = fixture.CreateContext();
        return (await db.StellarSubmissions.AsNoTracking().SingleAsync(s => s.Id == submissionId)).Status;
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Too_late_for_the_next_ledger_is_looked_up_and_times_out_only_once_a_ledger_closes_after_max_time(string api)
    {
        // Built half a ledger after a close, so that its maxTime falls between two closes.
        harness.Clock.Advance(SimulatedLedger.CloseEvery / 2);
        var crash = new LosingNetwork { CrashOnSend = true };
        var id = await harness.ApprovedMintAsync(App(api));
        await Assert.ThrowsAsync<OperationCanceledException>(() => App(api, inner => crash.Around(inner)).GetRequiredService<MintSubmitter>().SubmitAsync(id));
        var stored = Assert.Single(await harness.SubmissionsAsync(id));
        var submitter = App(api).GetRequiredService<MintSubmitter>();

        // A second before maxTime: the ledger it would be in closes after it, so the network refuses it.
        harness.Clock.SetUtcNow(stored.MaxTime!.Value - TimeSpan.FromSeconds(1));
        await harness.DriveAsync(submitter.ReconcileAsync(stored.Id));
        Assert.Equal(SubmissionStatus.Built, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        harness.NextLedger();
        await harness.DriveAsync(submitter.ReconcileAsync(stored.Id));

        var ended = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal(SubmissionStatus.TimeoutFailed, ended.Status);
        Assert.Equal(ApprovalStatus.TimeoutFailed, (await harness.RequestAsync(id)).Status);
        Assert.Equal(["send ERROR tx_too_late", "lookup NOT_FOUND", "send NOT_SENT", "lookup NOT_FOUND"],
            (await harness.AttemptsAsync(stored.Id)).Select(a => $"{a.Kind} {a.Answer}"));
        Assert.Equal(0, harness.Ledger.IncludedCount);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Not_found_after_max_time_when_the_network_forgot_the_ledgers_it_could_be_in_is_unknown_and_escalated_not_guessed(string api)
    {
        var app = App(api);
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        harness.Ledger.DropPaymentsTo(Approvals.ApprovalHarness.Issuer);
        var submission = (await harness.DriveAsync(submitter.SubmitAsync(id)))!;

        harness.Clock.Advance(TimeSpan.FromMinutes(6));
        harness.Ledger.ForgetBefore(submission.BuiltAtLedger + 1);
        await harness.DriveAsync(submitter.ReconcileAsync(submission.Id));
        await harness.DriveAsync(submitter.RunAsync(CancellationToken.None));

        var unknown = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal(SubmissionStatus.Unknown, unknown.Status);
        Assert.Contains($"only remembers ledgers from {submission.BuiltAtLedger + 1}", unknown.Reason);
        Assert.Equal(ApprovalStatus.Submitted, (await harness.RequestAsync(id)).Status);
        await using var db = fixture.CreateContext();
        var escalated = await db.AuditEvents.SingleAsync(e => e.SubjectId == id.ToString() && e.Action == ApprovalAuditActions.MintUnknown);
        Assert.Equal("mint.unknown", escalated.Details["notified"]![0]!.GetValue<string>());
        // Unknown is not open: later passes neither send nor look it up again. Horizon's 504 left the envelope Built, so
        // after maxTime it was not sent again, only looked up.
        Assert.Equal(api == "Rpc" ? ["send PENDING", "lookup NOT_FOUND"] : ["send NO_ANSWER", "lookup NOT_FOUND", "send NOT_SENT", "lookup NOT_FOUND"],
            (await harness.AttemptsAsync(submission.Id)).Select(a => $"{a.Kind} {a.Answer}"));
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Try_again_later_sends_the_same_envelope_again_and_it_lands(string api)
    {
        var app = App(api);
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        harness.Ledger.TryAgainLaterNext(1);

        var submission = (await harness.DriveAsync(submitter.SubmitAsync(id)))!;
        // RPC answers TRY_AGAIN_LATER and the next pass sends again; Horizon waits, gives up with a 504, and the HTTP
        // client's retry sends the same envelope again, which lands.
        Assert.Equal(api == "Rpc" ? SubmissionStatus.Built : SubmissionStatus.Pending, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        await harness.DriveAsync(submitter.ReconcileAsync(submission.Id));
        harness.NextLedger();
        await harness.DriveAsync(submitter.ReconcileAsync(submission.Id));

        Assert.Equal(SubmissionStatus.Confirmed, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        Assert.Equal(api == "Rpc" ? ["send TRY_AGAIN_LATER", "send PENDING", "lookup SUCCESS"] : ["send PENDING", "lookup SUCCESS"],
            (await harness.AttemptsAsync(submission.Id)).Select(a => $"{a.Kind} {a.Answer}"));
        Assert.Equal(1, harness.Ledger.IncludedCount);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task A_duplicate_send_is_followed_by_a_lookup_not_a_new_transaction(string api)
    {
        var app = App(api);
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        var submission = (await harness.DriveAsync(submitter.SubmitAsync(id)))!;

        // The same envelope again, through the same client: RPC still has it queued (DUPLICATE); Horizon has it in a
        // ledger already and answers with the transaction it has.
        var again = await harness.DriveAsync(app.GetRequiredService<IStellarNetwork>().SendAsync(submission.EnvelopeXdr, CancellationToken.None));
        harness.NextLedger();
        await harness.DriveAsync(submitter.ReconcileAsync(submission.Id));

        Assert.Equal(api == "Rpc" ? SendStatus.Duplicate : SendStatus.Pending, again.Status);
        Assert.Equal(SubmissionStatus.Confirmed, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        Assert.Equal(1, harness.Ledger.IncludedCount);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task A_lost_answer_after_the_envelope_landed_then_bad_sequence_on_the_resend_is_confirmed_with_one_payment(string api)
    {
        var lose = new LosingNetwork();
        var app = App(api, inner => lose.Around(inner));
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        lose.LoseNextSendAnswer = true;

        var submission = (await harness.DriveAsync(submitter.SubmitAsync(id)))!;
        harness.NextLedger();
        await harness.DriveAsync(submitter.ReconcileAsync(submission.Id));

        var ended = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal(SubmissionStatus.Confirmed, ended.Status);
        Assert.Equal(ApprovalStatus.Confirmed, (await harness.RequestAsync(id)).Status);
        Assert.Equal(1, harness.Ledger.IncludedCount);
        // RPC answers at once, before the ledger closes: the look-up finds nothing yet and the resend meets the used
        // sequence number. Horizon answered only once the envelope was in a ledger, so the look-up after the lost answer
        // finds it. (A Horizon that has not ingested that ledger yet answers tx_bad_seq: NetworkReplayTests.)
        Assert.Equal(api == "Rpc" ? ["send NO_ANSWER", "lookup NOT_FOUND", "send ERROR tx_bad_seq", "lookup SUCCESS"] : ["send NO_ANSWER", "lookup SUCCESS"],
            (await harness.AttemptsAsync(submission.Id)).Select(a => $"{a.Kind} {a.Answer}"));
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task A_sequence_taken_by_another_writer_supersedes_the_envelope_after_a_second_look_and_one_rebuild_lands(string api)
    {
        var lose = new LosingNetwork();
        var app = App(api, inner => lose.Around(inner));
        var id = await harness.ApprovedMintAsync(app);
        var submitter = app.GetRequiredService<MintSubmitter>();
        // Another writer takes the issuing account's next number between our read of it and our send.
        lose.BeforeNextSend = () => harness.Ledger.BumpSequence(harness.Issuer, 1);

        var first = (await harness.DriveAsync(submitter.SubmitAsync(id)))!;
        Assert.Equal(SubmissionStatus.Built, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        harness.NextLedger();
        await harness.DriveAsync(submitter.ReconcileAsync(first.Id));
        harness.NextLedger();
        var open = (await harness.SubmissionsAsync(id)).Single(s => s.Status == SubmissionStatus.Pending);
        await harness.DriveAsync(submitter.ReconcileAsync(open.Id));

        var all = await harness.SubmissionsAsync(id);
        Assert.Equal(2, all.Count);
        Assert.Equal(SubmissionStatus.Superseded, all[0].Status);
        Assert.Equal((SubmissionStatus.Confirmed, all[0].Id), (all[1].Status, all[1].RebuildOf));
        Assert.Equal(all[0].Sequence + 1, all[1].Sequence);
        Assert.Equal(ApprovalStatus.Confirmed, (await harness.RequestAsync(id)).Status);
        Assert.Equal(1, harness.Ledger.IncludedCount);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task A_crash_between_storing_and_sending_is_picked_up_after_a_restart_and_mints_once(string api)
    {
        var crash = new LosingNetwork { CrashOnSend = true };
        var id = await harness.ApprovedMintAsync(App(api));
        var crashing = App(api, inner => crash.Around(inner)).GetRequiredService<MintSubmitter>();

        await Assert.ThrowsAsync<OperationCanceledException>(() => crashing.SubmitAsync(id));
        var stored = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal(SubmissionStatus.Built, stored.Status);

        var restarted = App(api).GetRequiredService<MintSubmitter>();
        await harness.DriveAsync(restarted.RunAsync(CancellationToken.None));
        harness.NextLedger();
        await harness.DriveAsync(restarted.RunAsync(CancellationToken.None));

        var ended = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal((SubmissionStatus.Confirmed, stored.Hash, stored.EnvelopeXdr), (ended.Status, ended.Hash, ended.EnvelopeXdr));
        Assert.Equal(1, harness.Ledger.IncludedCount);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task A_payment_included_but_failed_is_a_submission_failure_with_its_codes_in_words(string api)
    {
        var app = App(api);
        var id = await harness.ApprovedMintAsync(app);
        harness.Ledger.FailPaymentsTo(Approvals.ApprovalHarness.Issuer);
        var submitter = app.GetRequiredService<MintSubmitter>();

        var submission = (await harness.DriveAsync(submitter.SubmitAsync(id)))!;
        harness.NextLedger();
        await harness.DriveAsync(submitter.ReconcileAsync(submission.Id));

        var ended = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal((SubmissionStatus.SubmissionFailed, "tx_failed op_no_trust"), (ended.Status, ended.ResultCodes));
        Assert.Contains("no trustline", ended.Reason);
        Assert.Equal(ApprovalStatus.SubmissionFailed, (await harness.RequestAsync(id)).Status);
        await using var db = fixture.CreateContext();
        var failed = await db.AuditEvents.SingleAsync(e => e.SubjectId == id.ToString() && e.Action == ApprovalAuditActions.SubmissionFailed);
        Assert.Equal("mint.failed", failed.Details["notified"]![0]!.GetValue<string>());
        Assert.Contains("no trustline", failed.Details["reason"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Two_instances_approving_and_submitting_the_same_request_at_once_build_one_transaction(string api)
    {
        var (first, second) = (App(api), App(api));
        var created = await first.GetRequiredService<ApprovalService>().CreateAsync(new NewApprovalRequest(ApprovalKind.Mint, "Mint for desk",
            Approvals.ApprovalHarness.Department, Approvals.ApprovalHarness.Requester, new MintPayload("EURE", harness.Issuer, Approvals.ApprovalHarness.Issuer, 9m, null)));
        var id = created.Created!.Id;
        var other = ApprovalActor.User("manager2@demo.local", [ApprovalRoles.Manager], [Approvals.ApprovalHarness.Department]);
        var outcomes = await Task.WhenAll(first.GetRequiredService<ApprovalService>().ActAsync(id, ApprovalCommand.Approve(), StellarHarness.Manager),
            second.GetRequiredService<ApprovalService>().ActAsync(id, ApprovalCommand.Approve(), other));
        Assert.Single(outcomes, o => o is TransitionOutcome.Applied);
        var one = first.GetRequiredService<MintSubmitter>();
        var two = second.GetRequiredService<MintSubmitter>();

        await harness.DriveAsync(Task.WhenAll(one.SubmitAsync(id), two.SubmitAsync(id), one.RunAsync(CancellationToken.None), two.RunAsync(CancellationToken.None)));
        harness.NextLedger();
        await harness.DriveAsync(one.RunAsync(CancellationToken.None));

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
