using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Tests.Integration.MachineAuth;

[Trait("Category", "Integration")]
public class MachineAuthTests(MachineAuthApp app) : IClassFixture<MachineAuthApp>
{
    const string WhoAmI = "/api/machine/whoami";
    const string Echo = "/test-only/echo";
    const string ApprovalRequests = "/api/approval-requests";
    readonly HttpClient client = app.Host.CreateClient();

    [Fact]
    public void The_features_register_exactly_the_documented_scopes()
    {
        var scopes = app.Host.Services.GetRequiredService<MachineScopeRegistry>().All;

        Assert.Equal(["Alerts:Read", "Approvals:Submit", "BridgeDeposits:Ingest", "DeadLetters:Read", "Funding:Admin", "Inventory:Ingest", "LiquidityActions:Ingest", "MarketPrices:Ingest",
            "Metrics:Read", "Notifier.Events:Write", "Packs.Approve", "TradeResults:Ingest"], scopes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Signed_request_is_accepted_and_whoami_names_key_tenant_and_scopes()
    {
        var response = await client.SendAsync(SignedRequest.Bridge(HttpMethod.Get, WhoAmI, app.NextSecond()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = await response.Content.ReadFromJsonAsync<MachineCaller>();
        Assert.Equal("bridge", caller!.KeyId);
        Assert.Equal("acme", caller.Tenant);
        Assert.Equal(["Approvals:Submit", "Metrics:Read"], caller.Scopes);
    }

    [Fact]
    public async Task Signed_post_reaches_the_endpoint_with_its_body_intact()
    {
        const string body = """{"kind":"Mint","amount":"12.50"}""";
        var response = await client.SendAsync(SignedRequest.Bridge(HttpMethod.Post, Echo + "?dryRun=true", app.NextSecond(), body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signature_made_with_another_secret_is_refused()
    {
        var request = SignedRequest.Create(HttpMethod.Get, WhoAmI, "bridge", "not-the-bridge-secret-at-all", app.NextSecond());

        await AssertRefusedAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized, "X-Ops-Signature",
            "X-Ops-Signature does not match this request for key 'bridge'");
    }

    [Fact]
    public async Task Body_altered_after_signing_is_refused_and_the_problem_shows_what_the_server_signed()
    {
        var at = app.NextSecond();
        var request = SignedRequest.Create(HttpMethod.Post, Echo, "bridge", MachineAuthHost.BridgeSecret, at,
            body: """{"amount":"12.50"}""", sendBody: """{"amount":"1250.00"}""");

        var problem = await AssertRefusedAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized, "X-Ops-Signature",
            "X-Ops-Signature does not match");
        var alteredHash = MachineSignature.BodyHash("""{"amount":"1250.00"}"""u8);
        Assert.Equal($"POST\n{Echo}\n{at.ToUnixTimeSeconds()}\n{alteredHash}", problem.GetProperty("stringToSign").GetString());
    }

    [Theory]
    [InlineData(-412)]
    [InlineData(301)]
    public async Task Timestamp_beyond_five_minutes_either_way_is_refused(int offsetSeconds)
    {
        var request = SignedRequest.Bridge(HttpMethod.Get, WhoAmI, app.NextSecond().AddSeconds(offsetSeconds));

        await AssertRefusedAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized, "X-Ops-Timestamp",
            $"X-Ops-Timestamp is {Math.Abs(offsetSeconds)} s away from server time; the limit is 300 s");
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public async Task Timestamp_exactly_five_minutes_away_is_accepted(int offsetSeconds)
    {
        var request = SignedRequest.Bridge(HttpMethod.Get, WhoAmI + "?skew=" + offsetSeconds, app.NextSecond().AddSeconds(offsetSeconds));

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Replayed_request_is_refused()
    {
        var at = app.NextSecond();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SignedRequest.Bridge(HttpMethod.Get, WhoAmI + "?replay=1", at))).StatusCode);

        await AssertRefusedAsync(await client.SendAsync(SignedRequest.Bridge(HttpMethod.Get, WhoAmI + "?replay=1", at)),
            HttpStatusCode.Unauthorized, "replay", "X-Ops-Signature was already used");
    }

    [Fact]
    public async Task Replay_is_refused_by_another_instance_sharing_the_database()
    {
        await using var other = app.NewInstance();
        using var otherClient = other.CreateClient();
        var at = app.NextSecond();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SignedRequest.Bridge(HttpMethod.Get, WhoAmI + "?replay=2", at))).StatusCode);

        await AssertRefusedAsync(await otherClient.SendAsync(SignedRequest.Bridge(HttpMethod.Get, WhoAmI + "?replay=2", at)),
            HttpStatusCode.Unauthorized, "replay", "X-Ops-Signature was already used");
    }

    [Fact]
    public async Task Accepted_signature_is_recorded_without_the_secret()
    {
        var at = app.NextSecond();
        var request = SignedRequest.Bridge(HttpMethod.Get, WhoAmI + "?record=1", at);
        var signature = request.Headers.GetValues(MachineSignature.SignatureHeader).Single();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT key_id, seen_at FROM machine_request_signatures WHERE signature = @s", conn);
        cmd.Parameters.AddWithValue("s", signature);
        await using var row = await cmd.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal("bridge", row.GetString(0));
        Assert.Equal(at, row.GetFieldValue<DateTimeOffset>(1));
    }

    [Fact]
    public async Task Unknown_key_is_refused()
    {
        var request = SignedRequest.Create(HttpMethod.Get, WhoAmI, "nobody", MachineAuthHost.BridgeSecret, app.NextSecond());

        await AssertRefusedAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized, "X-Ops-Key",
            "X-Ops-Key 'nobody' is not a known key");
    }

    [Fact]
    public async Task Key_without_the_scope_is_forbidden_with_the_scope_named()
    {
        var request = SignedRequest.Create(HttpMethod.Post, Echo, "feed", MachineAuthHost.FeedSecret, app.NextSecond(), "{}");

        await AssertRefusedAsync(await client.SendAsync(request), HttpStatusCode.Forbidden, "scope",
            "Key 'feed' lacks scope 'Approvals:Submit'");
    }

    [Fact]
    public async Task Unsigned_request_is_refused_naming_the_key_header()
    {
        await AssertRefusedAsync(await client.GetAsync(WhoAmI), HttpStatusCode.Unauthorized, "X-Ops-Key", "X-Ops-Key header is missing");
    }

    [Theory]
    [InlineData("X-Ops-Key")]
    [InlineData("X-Ops-Timestamp")]
    [InlineData("X-Ops-Signature")]
    public async Task Request_missing_one_signature_header_is_refused_naming_it(string header)
    {
        var request = SignedRequest.Bridge(HttpMethod.Get, WhoAmI, app.NextSecond());
        request.Headers.Remove(header);

        await AssertRefusedAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized, header, $"{header} header is missing");
    }

    [Fact]
    public async Task Timestamp_that_is_not_unix_seconds_is_refused()
    {
        var request = SignedRequest.Bridge(HttpMethod.Get, WhoAmI, app.NextSecond());
        request.Headers.Remove(MachineSignature.TimestampHeader);
        request.Headers.Add(MachineSignature.TimestampHeader, "2026-11-02T10:00:00Z");

        await AssertRefusedAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized, "X-Ops-Timestamp",
            "X-Ops-Timestamp must be Unix seconds");
    }

    [Fact]
    public async Task Body_over_one_mebibyte_is_refused_with_413_naming_the_limit_signed_or_not()
    {
        var body = new string('x', MachineRequestVerifier.MaxBodyBytes + 1);
        var signed = SignedRequest.Bridge(HttpMethod.Post, ApprovalRequests, app.NextSecond(), body);
        var forged = SignedRequest.Create(HttpMethod.Post, ApprovalRequests, "bridge", "not-the-bridge-secret-at-all", app.NextSecond(), body);

        foreach (var request in new[] { signed, forged })
            await AssertRefusedAsync(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "body",
                $"The request body is {MachineRequestVerifier.MaxBodyBytes + 1} bytes; the limit is {MachineRequestVerifier.MaxBodyBytes} bytes (1 MiB).");
    }

    [Fact]
    public async Task A_body_sent_without_a_length_is_cut_off_at_the_limit_with_413()
    {
        var body = new string('x', MachineRequestVerifier.MaxBodyBytes + 1);
        var request = SignedRequest.Bridge(HttpMethod.Post, ApprovalRequests, app.NextSecond(), body);
        // A stream of unknown length goes out chunked, so nothing tells its size before it is read.
        request.Content = new StreamContent(new UnknownLengthStream(System.Text.Encoding.UTF8.GetBytes(body)));
        request.Headers.TransferEncodingChunked = true;

        await AssertRefusedAsync(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "body",
            "The request body goes on past the limit of 1048576 bytes (1 MiB).");
    }

    sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task Refusals_never_echo_the_secret_or_the_signature()
    {
        var request = SignedRequest.Create(HttpMethod.Get, WhoAmI, "bridge", "a-wrong-secret-of-some-length", app.NextSecond());
        var sent = request.Headers.GetValues(MachineSignature.SignatureHeader).Single();

        var text = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(sent, text);
        Assert.DoesNotContain(MachineAuthHost.BridgeSecret, text);
        Assert.DoesNotContain("a-wrong-secret", text);
    }

    static async Task<System.Text.Json.JsonElement> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string check, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await SignedRequest.ProblemAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(check, problem.GetProperty("check").GetString());
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString());
        return problem;
    }
}
