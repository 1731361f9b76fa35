using System.Net;
using Npgsql;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.PackApprovals;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>
/// Every signed feed, and the Task Runner's pack events, record a request's signature in the transaction that stores its
/// records: the request is stored once,
/// its replay (in turn or at the same moment) is refused with 401 naming the replay, and a refused request leaves no record.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IngestReplayTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string MachineHmacScheme = "MachineHmac";
    readonly AlertsApp app = new(fixture);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>Each feed's path, the table and column where its record is found by the case's own id, and a body (for the
    /// pack events, <see cref="PackEventBody"/>: a requested approval of a run named by the id).</summary>
    public static TheoryData<string, string, string> Feeds => new()
    {
        { "/api/ingest/market-prices", "market_prices WHERE source", """{ "pair": "BTC/EUR", "price": "1.5", "source": "{id}", "observedAt": "{at}" }""" },
        { "/api/ingest/inventory", "inventory_snapshots WHERE account", """{ "account": "{id}", "asset": "BTC", "spendable": "1", "pendingInbound": "0", "asOf": "{at}" }""" },
        { "/api/ingest/liquidity-actions", "liquidity_actions WHERE action_id", """{ "actionId": "{id}", "kind": "swap", "asset": "BTC", "amount": "1", "status": "requested", "at": "{at}" }""" },
        { "/api/ingest/trade-results", "trade_results WHERE trade_id", """{ "tradeId": "{id}", "pair": "BTC/EUR", "status": "filled", "at": "{at}" }""" },
        { "/api/ingest/bridge-deposits", "bridge_deposits WHERE deposit_tx_hash", """{ "asset": "BTC", "amount": "0.1", "depositTxHash": "{id}{id}", "creditedAt": "{at}", "account": "treasury-btc" }""" },
        { "/notifications/pack-approvals", "pack_events WHERE run_id", PackEventBody },
    };

    const string PackEventBody = "pack event";

    readonly string id = Guid.NewGuid().ToString("N");

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task A_replay_in_turn_is_refused_and_the_signature_is_recorded_once(string path, string table, string body)
    {
        var send = Signed(path, body);
        using var first = await app.Host.CreateClient().SendAsync(send());
        using var replay = await app.Host.CreateClient().SendAsync(send());

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await AssertReplayAsync(replay);
        Assert.Equal(1L, await CountAsync(table));
        Assert.Equal(1L, await SignaturesAsync(send));
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task The_same_request_sent_five_times_at_once_is_stored_by_one_and_refused_to_the_others(string path, string table, string body)
    {
        var send = Signed(path, body);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.Host.CreateClient().SendAsync(send())));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Accepted))
            await AssertReplayAsync(refused);
        Assert.Equal(1L, await CountAsync(table));
        Assert.Equal(1L, await SignaturesAsync(send));
    }

    [Fact]
    public async Task A_request_refused_as_invalid_records_no_signature()
    {
        var send = Signed("/api/ingest/market-prices", """{ "pair": "BTC/EUR", "price": "-1", "source": "{id}", "observedAt": "{at}" }""");

        using var refused = await app.Host.CreateClient().SendAsync(send());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0L, await SignaturesAsync(send));
    }

    /// <summary>Makes the same signed request as often as asked: one timestamp, one path, one body, so one signature.</summary>
    Func<HttpRequestMessage> Signed(string path, string body)
    {
        var at = app.Clock.GetUtcNow();
        var json = body == PackEventBody ? PackEventsFor.Json(PackEventsFor.Requested(id, at)) : body.Replace("{id}", id).Replace("{at}", at.AddSeconds(-5).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ"));
        return () => SignedRequest.Create(HttpMethod.Post, path, MachineClientOptions.DemoKeyId, MachineClientOptions.DemoSecret, at, json);
    }

    static async Task AssertReplayAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(MachineHmacScheme, response.Headers.WwwAuthenticate.Single().Scheme);
        var problem = await SignedRequest.ProblemAsync(response);
        Assert.Equal("replay", problem.GetProperty("check").GetString());
        Assert.StartsWith("X-Ops-Signature was already used", problem.GetProperty("detail").GetString());
    }

    /// <summary>The rows of this case's record: <paramref name="where"/> is the table and the column that holds the id.</summary>
    async Task<long> CountAsync(string where) => await ScalarAsync($"SELECT count(*) FROM {where} LIKE '{id}%'");

    async Task<long> SignaturesAsync(Func<HttpRequestMessage> send)
    {
        using var request = send();
        var signature = request.Headers.GetValues(MachineSignature.SignatureHeader).Single();
        return await ScalarAsync("SELECT count(*) FROM machine_request_signatures WHERE signature = @s", new NpgsqlParameter("s", signature));
    }

    async Task<long> ScalarAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddRange(parameters);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
