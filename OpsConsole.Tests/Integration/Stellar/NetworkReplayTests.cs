using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Stellar;
using OpsConsole.Tests.Domain.Stellar;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Stellar;

/// <summary>The real RPC and Horizon clients, through the submitter, against local servers answering with the bodies
/// Stellar RPC and Horizon send.</summary>
[Trait("Category", "Integration")]
public sealed class NetworkReplayTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // A test-only seed of the shared vectors; its account issues the asset of these mints.
    static readonly string Seed = StellarVectors.Payment("alphanum4 USDC, text memo").Text("sourceSeed");
    static readonly string Issuer = StellarVectors.Payment("alphanum4 USDC, text memo").Text("sourceAccount");
    const long AccountSequence = 2908908335136767;

    readonly StellarHarness harness = new(fixture);
    ReplayServer server = null!;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        server = await ReplayServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await harness.DisposeAsync();
    }

    IServiceProvider App(string mode) => harness.Instance(settings: new Dictionary<string, string?>
    {
        ["Stellar:Mode"] = mode,
        [mode == "Rpc" ? "Stellar:RpcUrl" : "Stellar:HorizonUrl"] = server.Url.ToString(),
        ["Stellar:IssuerSeed"] = Seed,
    });

    long Unix(TimeSpan after) => (harness.Clock.GetUtcNow() + after).ToUnixTimeSeconds();

    static string Rpc(JsonNode id, string result) => $$"""{"jsonrpc":"2.0","id":{{id.ToJsonString()}},"result":{{result}}}""";

    /// <summary>Stellar RPC answering as it does for a transaction it accepts and includes in ledger 2540064.</summary>
    (int, string) RpcAnswer(ReplayServer.Received request, Func<string, string?>? sendStatus = null, string lookupStatus = "SUCCESS")
    {
        var call = JsonNode.Parse(request.Body)!;
        var id = call["id"]!;
        var closed = Unix(TimeSpan.FromSeconds(-3));
        return call["method"]!.GetValue<string>() switch
        {
            "getLatestLedger" => (200, Rpc(id, """{"id":"c73c5eac58a441d4eb733c35253ae85f783e018f7be5ef974258fed067aabbc4","protocolVersion":22,"sequence":2540060}""")),
            "getLedgerEntries" => (200, Rpc(id, $$"""{"entries":[{"key":"{{AccountLedgerXdr.LedgerKey(Issuer)}}","xdr":"{{AccountLedgerXdr.WriteEntry(Issuer, 99_999_999_500, AccountSequence)}}","lastModifiedLedgerSeq":2539605}],"latestLedger":2540060}""")),
            "sendTransaction" => (200, Rpc(id, $$"""{"status":"PENDING","hash":"ignored-by-the-client","latestLedger":2540060,"latestLedgerCloseTime":"{{closed}}"}""")),
            "getTransaction" when lookupStatus == "SUCCESS" => (200, Rpc(id,
                $$"""{"status":"SUCCESS","latestLedger":2540076,"latestLedgerCloseTime":"{{closed}}","oldestLedger":2419117,"oldestLedgerCloseTime":"1699482313","applicationOrder":1,"feeBump":false,"envelopeXdr":"AAAA","resultXdr":"AAAAAAAAAGQAAAAAAAAAAQAAAAAAAAABAAAAAAAAAAA=","resultMetaXdr":"AAAA","ledger":2540064,"createdAt":"{{closed}}"}""")),
            _ => (200, Rpc(id, $$"""{"status":"NOT_FOUND","latestLedger":2540076,"latestLedgerCloseTime":"{{closed}}","oldestLedger":2419117,"oldestLedgerCloseTime":"1699482313"}""")),
        };
    }

    [Fact]
    public async Task Over_stellar_rpc_a_mint_is_sent_by_name_and_confirmed_in_its_ledger()
    {
        server.Answer = r => RpcAnswer(r);
        var app = App("Rpc");
        var id = await harness.ApprovedMintAsync(app, Issuer);
        var submitter = app.GetRequiredService<MintSubmitter>();

        var submission = (await submitter.SubmitAsync(id))!;
        await submitter.ReconcileAsync(submission.Id);

        var ended = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal((SubmissionStatus.Confirmed, 2540064L), (ended.Status, ended.Ledger!.Value));
        Assert.Equal(AccountSequence + 1, PaymentXdr.FromBase64(ended.EnvelopeXdr).Transaction.Sequence);
        var calls = server.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(["getLatestLedger", "getLedgerEntries", "sendTransaction", "getTransaction"], calls.Select(c => c["method"]!.GetValue<string>()));
        Assert.All(calls, c => Assert.Equal("2.0", c["jsonrpc"]!.GetValue<string>()));
        Assert.Equal(ended.EnvelopeXdr, calls[2]["params"]!["transaction"]!.GetValue<string>());
        Assert.Equal(ended.Hash, calls[3]["params"]!["hash"]!.GetValue<string>());
        Assert.Equal(AccountLedgerXdr.LedgerKey(Issuer), calls[1]["params"]!["keys"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Over_stellar_rpc_an_error_with_bad_sequence_is_looked_up_and_found_confirmed()
    {
        server.Answer = r => JsonNode.Parse(r.Body)!["method"]!.GetValue<string>() == "sendTransaction"
            ? (200, Rpc(JsonNode.Parse(r.Body)!["id"]!, $$"""{"errorResultXdr":"AAAAAAAAAGT////7AAAAAA==","status":"ERROR","hash":"x","latestLedger":2540076,"latestLedgerCloseTime":"{{Unix(TimeSpan.Zero)}}"}"""))
            : RpcAnswer(r);
        var app = App("Rpc");
        var id = await harness.ApprovedMintAsync(app, Issuer);

        var submission = (await app.GetRequiredService<MintSubmitter>().SubmitAsync(id))!;

        Assert.Equal(SubmissionStatus.Confirmed, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        Assert.Equal(["send ERROR tx_bad_seq", "lookup SUCCESS"], (await harness.AttemptsAsync(submission.Id)).Select(a => $"{a.Kind} {a.Answer}"));
    }

    [Fact]
    public async Task Over_stellar_rpc_not_found_is_a_timeout_only_once_a_ledger_closed_after_max_time()
    {
        var lateClose = false;
        server.Answer = r =>
        {
            var (status, body) = RpcAnswer(r, lookupStatus: "NOT_FOUND");
            return lateClose ? (status, body.Replace($"\"latestLedgerCloseTime\":\"{Unix(TimeSpan.FromSeconds(-3))}\"", $"\"latestLedgerCloseTime\":\"{Unix(TimeSpan.FromMinutes(6))}\"")) : (status, body);
        };
        var app = App("Rpc");
        var id = await harness.ApprovedMintAsync(app, Issuer);
        var submitter = app.GetRequiredService<MintSubmitter>();

        var submission = (await submitter.SubmitAsync(id))!;
        await submitter.ReconcileAsync(submission.Id);
        Assert.Equal(SubmissionStatus.Pending, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        lateClose = true;
        await submitter.ReconcileAsync(submission.Id);

        Assert.Equal(SubmissionStatus.TimeoutFailed, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        Assert.Equal(ApprovalStatus.TimeoutFailed, (await harness.RequestAsync(id)).Status);
    }

    const string HorizonNotFound =
        """{"type":"https://stellar.org/horizon-errors/not_found","title":"Resource Missing","status":404,"detail":"The resource at the url requested was not found."}""";

    /// <summary>Horizon's root as it describes its ingested history.</summary>
    string HorizonRoot(TimeSpan closedAfter) => $$"""
        {"_links":{"account":{"href":"https://horizon-testnet.stellar.org/accounts/{account_id}","templated":true} },
         "horizon_version":"22.0.0","core_version":"stellar-core 22.0.0","ingest_latest_ledger":2540076,
         "history_latest_ledger":2540076,"history_latest_ledger_closed_at":"{{(harness.Clock.GetUtcNow() + closedAfter).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}",
         "history_elder_ledger":2,"core_latest_ledger":2540076,"network_passphrase":"Test SDF Network ; September 2015",
         "current_protocol_version":22,"supported_protocol_version":22,"core_supported_protocol_version":22}
        """;

    [Fact]
    public async Task Over_horizon_tx_too_late_is_looked_up_and_times_out_once_horizon_has_a_later_ledger()
    {
        var later = TimeSpan.FromSeconds(-5);
        server.Answer = r => (r.Method, r.Path) switch
        {
            ("GET", "/") => (200, HorizonRoot(later)),
            ("GET", var p) when p.StartsWith("/accounts/", StringComparison.Ordinal) =>
                (200, $$"""{"id":"{{Issuer}}","account_id":"{{Issuer}}","sequence":"{{AccountSequence}}","subentry_count":0,"last_modified_ledger":2539605}"""),
            ("POST", "/transactions") => (400, """
                {"type":"https://stellar.org/horizon-errors/transaction_failed","title":"Transaction Failed","status":400,
                 "detail":"The transaction failed when submitted to the stellar network. The `extras.result_codes` field on this response contains further details.",
                 "extras":{"envelope_xdr":"AAAA","result_codes":{"transaction":"tx_too_late"},"result_xdr":"AAAAAAAAAGT////9AAAAAA=="}}
                """),
            _ => (404, HorizonNotFound),
        };
        var app = App("Horizon");
        var id = await harness.ApprovedMintAsync(app, Issuer);
        var submitter = app.GetRequiredService<MintSubmitter>();

        var submission = (await submitter.SubmitAsync(id))!;
        Assert.Equal(SubmissionStatus.Built, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        later = TimeSpan.FromMinutes(6);
        harness.Clock.Advance(TimeSpan.FromMinutes(6));
        await submitter.ReconcileAsync(submission.Id);

        Assert.Equal(SubmissionStatus.TimeoutFailed, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        Assert.Equal(["send ERROR tx_too_late", "lookup NOT_FOUND", "send NOT_SENT", "lookup NOT_FOUND"],
            (await harness.AttemptsAsync(submission.Id)).Select(a => $"{a.Kind} {a.Answer}"));
        Assert.Contains(server.Requests, r => r.Method == "POST" && r.Body.StartsWith("tx=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Over_horizon_a_504_is_looked_up_and_a_failed_payment_is_a_submission_failure_with_its_codes()
    {
        server.Answer = r => (r.Method, r.Path) switch
        {
            ("GET", "/") => (200, HorizonRoot(TimeSpan.FromSeconds(-5))),
            ("GET", var p) when p.StartsWith("/accounts/", StringComparison.Ordinal) => (200, $$"""{"id":"{{Issuer}}","sequence":"{{AccountSequence}}"}"""),
            ("POST", "/transactions") => (504, """{"type":"https://stellar.org/horizon-errors/timeout","title":"Timeout","status":504,"detail":"Your request timed out before completing."}"""),
            ("GET", var p) when p.StartsWith("/transactions/", StringComparison.Ordinal) => (200, $$"""
                {"id":"{{p[14..]}}","hash":"{{p[14..]}}","ledger":2540070,"created_at":"2026-11-02T09:00:05Z","successful":false,
                 "source_account":"{{Issuer}}","fee_charged":"100","operation_count":1,"result_xdr":"AAAAAAAAAGT/////AAAAAQAAAAAAAAAB////+gAAAAA="}
                """),
            _ => (404, """{"status":404}"""),
        };
        var app = App("Horizon");
        var id = await harness.ApprovedMintAsync(app, Issuer);

        var submission = (await app.GetRequiredService<MintSubmitter>().SubmitAsync(id))!;

        var ended = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal((SubmissionStatus.SubmissionFailed, "tx_failed op_no_trust", 2540070L), (ended.Status, ended.ResultCodes, ended.Ledger!.Value));
        Assert.Equal(ApprovalStatus.SubmissionFailed, (await harness.RequestAsync(id)).Status);
        Assert.Equal(["send NO_ANSWER", "lookup FAILED"], (await harness.AttemptsAsync(submission.Id)).Select(a => $"{a.Kind} {a.Answer}"));
    }

    [Fact]
    public async Task Over_horizon_a_lost_answer_then_bad_sequence_on_the_resend_is_looked_up_and_confirmed_with_one_payment()
    {
        // The envelope lands while Horizon's answer is lost (504); Horizon has ingested that ledger only by the resend.
        var ingested = false;
        server.Answer = r => (r.Method, r.Path) switch
        {
            ("GET", "/") => (200, HorizonRoot(TimeSpan.FromSeconds(-5))),
            ("GET", var p) when p.StartsWith("/accounts/", StringComparison.Ordinal) => (200, $$"""{"id":"{{Issuer}}","sequence":"{{AccountSequence}}"}"""),
            ("POST", "/transactions") when !ingested => (504, """{"type":"https://stellar.org/horizon-errors/timeout","title":"Timeout","status":504,"detail":"Your request timed out before completing."}"""),
            ("POST", "/transactions") => (400, """
                {"type":"https://stellar.org/horizon-errors/transaction_failed","title":"Transaction Failed","status":400,
                 "detail":"The transaction failed when submitted to the stellar network.",
                 "extras":{"envelope_xdr":"AAAA","result_codes":{"transaction":"tx_bad_seq"},"result_xdr":"AAAAAAAAAGT////7AAAAAA=="}}
                """),
            ("GET", var p) when p.StartsWith("/transactions/", StringComparison.Ordinal) && ingested => (200, $$"""
                {"id":"{{p[14..]}}","hash":"{{p[14..]}}","ledger":2540070,"created_at":"2026-11-02T09:00:05Z","successful":true,
                 "source_account":"{{Issuer}}","fee_charged":"100","operation_count":1,"result_xdr":"AAAAAAAAAGQAAAAAAAAAAQAAAAAAAAABAAAAAAAAAAA="}
                """),
            _ => (404, HorizonNotFound),
        };
        var app = App("Horizon");
        var id = await harness.ApprovedMintAsync(app, Issuer);
        var submitter = app.GetRequiredService<MintSubmitter>();

        var submission = (await submitter.SubmitAsync(id))!;
        Assert.Equal(SubmissionStatus.Built, Assert.Single(await harness.SubmissionsAsync(id)).Status);
        ingested = true;
        await submitter.ReconcileAsync(submission.Id);

        var ended = Assert.Single(await harness.SubmissionsAsync(id));
        Assert.Equal((SubmissionStatus.Confirmed, 2540070L), (ended.Status, ended.Ledger!.Value));
        Assert.Equal(ApprovalStatus.Confirmed, (await harness.RequestAsync(id)).Status);
        Assert.Equal(["send NO_ANSWER", "lookup NOT_FOUND", "send ERROR tx_bad_seq", "lookup SUCCESS"],
            (await harness.AttemptsAsync(submission.Id)).Select(a => $"{a.Kind} {a.Answer}"));
        // One envelope, the same bytes in every POST (the HTTP client's own retries of the 504 included): one payment.
        var posted = server.Requests.Where(r => r.Method == "POST").Select(r => r.Body).ToList();
        Assert.True(posted.Count >= 2);
        Assert.Equal([$"tx={Uri.EscapeDataString(ended.EnvelopeXdr)}"], posted.Distinct());
    }
}
