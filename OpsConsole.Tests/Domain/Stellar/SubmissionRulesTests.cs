using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Tests.Domain.Stellar;

[Trait("Category", "Domain")]
public class SubmissionRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    static MintSubmission Sent(long builtAt = 100) => new()
    {
        Status = SubmissionStatus.Pending,
        Sequence = 42,
        MaxTime = Now + Window,
        BuiltAtLedger = builtAt,
    };

    static LookupAnswer NotFound(DateTimeOffset closedAt, long? oldest = 10) => new(LookupStatus.NotFound, 200, closedAt, oldest);

    [Fact]
    public void Max_time_is_now_plus_the_window_or_the_sla_expiry_whichever_is_earlier_and_never_zero()
    {
        Assert.Equal((ulong)(Now + Window).ToUnixTimeSeconds(), MintTimeBounds.For(Now, Window, null).Bounds!.MaxTime);
        Assert.Equal((ulong)(Now + Window).ToUnixTimeSeconds(), MintTimeBounds.For(Now, Window, Now.AddHours(1)).Bounds!.MaxTime);
        Assert.Equal((ulong)Now.AddMinutes(2).ToUnixTimeSeconds(), MintTimeBounds.For(Now, Window, Now.AddMinutes(2)).Bounds!.MaxTime);
        Assert.Equal(0UL, MintTimeBounds.For(Now, Window, null).Bounds!.MinTime);
        Assert.Contains("SLA expired", MintTimeBounds.For(Now, Window, Now).Refusal);
        Assert.Null(MintTimeBounds.For(Now, Window, Now.AddMilliseconds(500)).Bounds);
        var random = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            var now = Now.AddSeconds(random.Next(0, 1_000_000)).AddMilliseconds(random.Next(1000));
            var expiry = random.Next(3) == 0 ? (DateTimeOffset?)null : now.AddSeconds(random.Next(-100, 1000));
            var (bounds, refusal) = MintTimeBounds.For(now, TimeSpan.FromSeconds(random.Next(1, 900)), expiry);
            Assert.True(bounds is null != (refusal is null));
            if (bounds is not null)
            {
                Assert.True(bounds.MaxTime > (ulong)now.ToUnixTimeSeconds());
                Assert.True(expiry is null || bounds.MaxTime <= (ulong)expiry.Value.ToUnixTimeSeconds());
            }
        }
    }

    [Fact]
    public void Only_an_approved_request_within_its_sla_passes_the_guard()
    {
        Assert.Null(SubmissionRules.Guard(ApprovalStatus.Approved, Now.AddMinutes(1), Now));
        Assert.Null(SubmissionRules.Guard(ApprovalStatus.Approved, null, Now));
        Assert.Contains("Pending, not Approved", SubmissionRules.Guard(ApprovalStatus.Pending, null, Now));
        Assert.Contains("SLA expired", SubmissionRules.Guard(ApprovalStatus.Approved, Now, Now));
    }

    [Fact]
    public void Found_is_confirmed_and_failed_is_a_submission_failure_in_words()
    {
        var success = new LookupAnswer(LookupStatus.Success, 200, Now, 10, Ledger: 150, ClosedAt: Now.AddSeconds(-5));
        Assert.Equal((SubmissionStatus.Confirmed, 150L), (SubmissionRules.AfterLookup(Sent(), success)!.Status, SubmissionRules.AfterLookup(Sent(), success)!.Ledger!.Value));

        var failed = SubmissionRules.AfterLookup(Sent(), new(LookupStatus.Failed, 200, Now, 10, 150, Now, "tx_failed", ["op_no_trust"]))!;
        Assert.Equal((SubmissionStatus.SubmissionFailed, "tx_failed op_no_trust"), (failed.Status, failed.ResultCodes));
        Assert.Contains("no trustline", failed.Reason);
    }

    [Fact]
    public void Not_found_is_a_timeout_only_after_a_ledger_closed_past_max_time_within_the_networks_memory()
    {
        var maxTime = Now + Window;

        Assert.Null(SubmissionRules.AfterLookup(Sent(), NotFound(maxTime.AddSeconds(-1))));
        Assert.Null(SubmissionRules.AfterLookup(Sent(), NotFound(maxTime)));
        Assert.Equal(SubmissionStatus.TimeoutFailed, SubmissionRules.AfterLookup(Sent(), NotFound(maxTime.AddSeconds(1)))!.Status);
        Assert.Equal(SubmissionStatus.TimeoutFailed, SubmissionRules.AfterLookup(Sent(), NotFound(maxTime.AddSeconds(1), oldest: null))!.Status);
        var unknown = SubmissionRules.AfterLookup(Sent(builtAt: 100), NotFound(maxTime.AddDays(8), oldest: 101))!;
        Assert.Equal(SubmissionStatus.Unknown, unknown.Status);
        Assert.Contains("only remembers ledgers from 101", unknown.Reason);
    }

    [Fact]
    public void A_refused_send_fails_on_its_codes_except_time_and_sequence_which_the_lookups_decide()
    {
        Assert.Null(SubmissionRules.AfterRefusedSend(new(SendStatus.Error, "tx_bad_seq")));
        Assert.Null(SubmissionRules.AfterRefusedSend(new(SendStatus.Error, "tx_too_late")));
        var fee = SubmissionRules.AfterRefusedSend(new(SendStatus.Error, "tx_insufficient_fee"))!;
        Assert.Equal((SubmissionStatus.SubmissionFailed, "tx_insufficient_fee"), (fee.Status, fee.ResultCodes));
        Assert.Contains("fee", fee.Reason);
    }

    [Fact]
    public void Bad_sequence_supersedes_only_once_the_account_has_reached_the_envelopes_number_and_a_rebuild_is_never_rebuilt()
    {
        Assert.Null(SubmissionRules.AfterSequenceCheck(Sent(), 41));
        var superseded = SubmissionRules.AfterSequenceCheck(Sent(), 42)!;
        Assert.Equal(SubmissionStatus.Superseded, superseded.Status);

        var first = Sent();
        SubmissionRules.Apply(first, superseded, Now);
        Assert.True(SubmissionRules.MayRebuild(first));
        first.RebuildOf = Guid.NewGuid();
        Assert.False(SubmissionRules.MayRebuild(first));
    }

    [Fact]
    public void Result_xdr_codes_are_read_as_horizon_names_them()
    {
        // feeCharged 100, txBAD_SEQ (-5), ext 0.
        Assert.Equal(("tx_bad_seq", 0), Read("AAAAAAAAAGT////7AAAAAA=="));
        // feeCharged 100, txFAILED (-1), one result: opINNER (0), PAYMENT (1), PAYMENT_NO_TRUST (-6), ext 0.
        var failed = TransactionResultXdr.Read("AAAAAAAAAGT/////AAAAAQAAAAAAAAAB////+gAAAAA=");
        Assert.Equal("tx_failed", failed.Transaction);
        Assert.Equal(["op_no_trust"], failed.Operations);

        static (string, int) Read(string xdr) => TransactionResultXdr.Read(xdr) is var r ? (r.Transaction, r.Operations.Count) : default;
    }

    [Fact]
    public void An_account_entry_reads_back_its_account_and_sequence_and_another_entry_type_is_refused()
    {
        const string account = "GD6OZ6JCZ7FD2HQ6JC3IYRSEJPERKG4KV2ABWT535O5MCQOPWM4YMT4K";

        Assert.Equal((account, 4294967296L), AccountLedgerXdr.ReadSequence(AccountLedgerXdr.WriteEntry(account, 5, 4294967296)));
        var trustline = Convert.FromBase64String(AccountLedgerXdr.WriteEntry(account, 5, 1));
        trustline[3] = 1;
        Assert.Throws<XdrFormatException>(() => AccountLedgerXdr.ReadSequence(Convert.ToBase64String(trustline)));
        // LedgerEntryType ACCOUNT (0), then the AccountID: key type 0 and 32 bytes.
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, .. StrKey.DecodeAccountId(account)], Convert.FromBase64String(AccountLedgerXdr.LedgerKey(account)));
    }

    [Fact]
    public void The_mint_pays_the_requests_asset_from_the_issuer_at_the_next_sequence_and_refuses_another_issuer_or_no_bound()
    {
        var v = StellarVectors.Payment("alphanum4 USDC, text memo");
        var payload = new MintPayload("USDC", v.Text("sourceAccount"), v.Text("destination"), 1234.5678901m, "mint 42");

        var tx = MintTransaction.Build(payload, v.Text("sourceAccount"), 2908908335136767, new TimeBounds(0, 1790000300));

        Assert.Equal(v.Text("unsignedEnvelopeXdr"), PaymentXdr.ToBase64(new PaymentEnvelope(tx, [])));
        Assert.Throws<ArgumentException>(() => MintTransaction.Build(payload, v.Text("sourceAccount"), 1, new TimeBounds(0, 0)));
        Assert.Throws<ArgumentException>(() => MintTransaction.Build(payload, v.Text("destination"), 1, new TimeBounds(0, 1)));
    }
}
