using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Stellar;
using OpsConsole.Features.Stellar.Simulation;

namespace OpsConsole.Tests.Integration.Stellar;

/// <summary>The simulated network answers in Horizon's HTTP shapes: its status codes, problem bodies and resources.</summary>
[Trait("Category", "Domain")]
public sealed class SimulatedHorizonHandlerTests : IDisposable
{
    const string Destination = "GA5URGZFSFZVLKSKK55UK4QW45HWTRAF74C46KV25JYJKXXEQFU56QC4";

    readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    readonly SimulatedLedger ledger;
    readonly HttpClient http;
    readonly IssuerKey issuer = new(Options.Create(new StellarOptions()));
    // One count per wait of the network for a ledger close; a call may start waiting before anyone listens for it.
    readonly SemaphoreSlim waits = new(0);

    public SimulatedHorizonHandlerTests()
    {
        ledger = new SimulatedLedger(clock, StellarNetwork.TestnetPassphrase);
        ledger.Waiting += () => waits.Release();
        http = new HttpClient(new SimulatedHorizonHandler(ledger)) { BaseAddress = new Uri("http://horizon.test/") };
    }

    public void Dispose()
    {
        http.Dispose();
        issuer.Dispose();
        waits.Dispose();
    }

    string Envelope(long sequenceAfter, out string hash)
    {
        var tx = MintTransaction.Build(new MintPayload("EURE", issuer.AccountId, Destination, 5m, "shape"), issuer.AccountId, sequenceAfter,
            new TimeBounds(0, (ulong)(clock.GetUtcNow() + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds()));
        hash = TransactionHash.ComputeHex(tx, StellarNetwork.TestnetPassphrase);
        return PaymentXdr.ToBase64(issuer.Signer.Sign(tx, StellarNetwork.TestnetPassphrase));
    }

    Task<HttpResponseMessage> PostAsync(string envelope) =>
        http.PostAsync("transactions", new FormUrlEncodedContent([new("tx", envelope)]));

    static async Task<JsonNode> BodyAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>Moves the clock one ledger each time the network waits for a close, until the call answers.</summary>
    async Task<HttpResponseMessage> HeldAsync(Task<HttpResponseMessage> call)
    {
        while (true)
        {
            using var stop = new CancellationTokenSource();
            if (await Task.WhenAny(call, waits.WaitAsync(stop.Token)) == call)
            {
                // A wait left pending would take the count of the next call's first wait.
                await stop.CancelAsync();
                return await call;
            }
            clock.Advance(SimulatedLedger.CloseEvery);
        }
    }

    [Fact]
    public async Task The_root_an_account_and_the_latest_ledger_read_as_horizon_writes_them()
    {
        clock.Advance(TimeSpan.FromSeconds(12));

        var root = await BodyAsync(await http.GetAsync(""));
        var account = await BodyAsync(await http.GetAsync($"accounts/{issuer.AccountId}"));
        using var ledgers = await http.GetAsync("ledgers?order=desc&limit=1");

        Assert.Equal((1002L, "2026-11-02T09:00:10Z", 1000L), (root["history_latest_ledger"]!.GetValue<long>(),
            root["history_latest_ledger_closed_at"]!.GetValue<string>(), root["history_elder_ledger"]!.GetValue<long>()));
        Assert.Equal(StellarNetwork.TestnetPassphrase, root["network_passphrase"]!.GetValue<string>());
        Assert.Equal(issuer.AccountId, account["account_id"]!.GetValue<string>());
        Assert.Equal((1000L << 32).ToString(System.Globalization.CultureInfo.InvariantCulture), account["sequence"]!.GetValue<string>());
        Assert.Equal("application/hal+json", ledgers.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1002L, (await BodyAsync(ledgers))["_embedded"]!["records"]![0]!["sequence"]!.GetValue<long>());
        using var bad = await http.GetAsync("accounts/GNOTANACCOUNT");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("account_id", (await BodyAsync(bad))["extras"]!["invalid_field"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_hash_is_a_404_problem()
    {
        using var response = await http.GetAsync($"transactions/{new string('a', 64)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await BodyAsync(response);
        Assert.Equal(("https://stellar.org/horizon-errors/not_found", 404), (problem["type"]!.GetValue<string>(), problem["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_submission_is_held_until_its_ledger_closes_and_sending_it_again_answers_the_same_transaction()
    {
        var envelope = Envelope(1000L << 32, out var hash);

        using var first = await HeldAsync(PostAsync(envelope));
        using var again = await PostAsync(envelope);
        using var found = await http.GetAsync($"transactions/{hash}");

        foreach (var response in new[] { first, again, found })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var tx = await BodyAsync(response);
            Assert.Equal((hash, 1001L, true), (tx["hash"]!.GetValue<string>(), tx["ledger"]!.GetValue<long>(), tx["successful"]!.GetValue<bool>()));
            Assert.Equal("2026-11-02T09:00:05Z", tx["created_at"]!.GetValue<string>());
            Assert.Equal(envelope, tx["envelope_xdr"]!.GetValue<string>());
        }
        Assert.Equal(1, ledger.IncludedCount);
    }

    [Fact]
    public async Task A_refused_envelope_is_a_400_with_its_result_codes()
    {
        var envelope = Envelope((1000L << 32) + 7, out _);

        using var response = await PostAsync(envelope);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await BodyAsync(response);
        Assert.Equal("https://stellar.org/horizon-errors/transaction_failed", problem["type"]!.GetValue<string>());
        Assert.Equal("tx_bad_seq", problem["extras"]!["result_codes"]!["transaction"]!.GetValue<string>());
        Assert.Equal(("tx_bad_seq", 0), TransactionResultXdr.Read(problem["extras"]!["result_xdr"]!.GetValue<string>()) is var (code, ops) ? (code, ops.Count) : default);
        Assert.Equal(envelope, problem["extras"]!["envelope_xdr"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_included_failure_is_a_400_with_the_operations_codes_and_a_dropped_one_a_504_once_horizon_stops_waiting()
    {
        ledger.FailPaymentsTo(Destination);
        using var failed = await HeldAsync(PostAsync(Envelope(1000L << 32, out _)));
        var codes = (await BodyAsync(failed))["extras"]!["result_codes"]!;
        Assert.Equal((HttpStatusCode.BadRequest, "tx_failed", "op_no_trust"),
            (failed.StatusCode, codes["transaction"]!.GetValue<string>(), codes["operations"]![0]!.GetValue<string>()));

        ledger.DropPaymentsTo(Destination);
        var since = clock.GetUtcNow();
        using var dropped = await HeldAsync(PostAsync(Envelope((1000L << 32) + 1, out _)));
        Assert.Equal(HttpStatusCode.GatewayTimeout, dropped.StatusCode);
        Assert.Equal("https://stellar.org/horizon-errors/timeout", (await BodyAsync(dropped))["type"]!.GetValue<string>());
        Assert.Equal(SimulatedHorizonHandler.SubmitPatience, clock.GetUtcNow() - since);
    }
}
