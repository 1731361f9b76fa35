using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Features.Stellar.Network;

/// <summary>Stellar RPC: JSON-RPC 2.0 over HTTP POST with by-name parameters (Stellar:RpcUrl).</summary>
public sealed class StellarRpcClient(HttpClient http) : IStellarNetwork
{
    public const string ClientName = "stellar-rpc";
    long nextId;

    public async Task<LedgerState> LatestLedgerAsync(CancellationToken ct)
    {
        var result = await CallAsync("getLatestLedger", new JsonObject(), ct);
        return new(JsonFields.Long(result, "sequence"), JsonFields.UnixTime(result, "closeTime"));
    }

    public async Task<long> AccountSequenceAsync(string accountId, CancellationToken ct)
    {
        var result = await CallAsync("getLedgerEntries", new JsonObject { ["keys"] = new JsonArray(AccountLedgerXdr.LedgerKey(accountId)) }, ct);
        var xdr = JsonFields.Text(result["entries"]?.AsArray().FirstOrDefault(), "xdr")
            ?? throw new StellarNetworkException($"The network has no account {accountId}.");
        return AccountLedgerXdr.ReadSequence(xdr).Sequence;
    }

    public async Task<SendAnswer> SendAsync(string envelopeXdr, CancellationToken ct)
    {
        var result = await CallAsync("sendTransaction", new JsonObject { ["transaction"] = envelopeXdr }, ct);
        var status = JsonFields.Text(result, "status");
        var latest = JsonFields.OptionalLong(result, "latestLedger");
        switch (status)
        {
            case "PENDING":
                return new(SendStatus.Pending, LatestLedger: latest);
            case "DUPLICATE":
                return new(SendStatus.Duplicate, LatestLedger: latest);
            case "TRY_AGAIN_LATER":
                return new(SendStatus.TryAgainLater, LatestLedger: latest);
            case "ERROR":
                var (tx, ops) = JsonFields.Text(result, "errorResultXdr") is { } xdr ? TransactionResultXdr.Read(xdr) : ("tx_error", []);
                return new(SendStatus.Error, tx, ops, latest);
            default:
                throw new StellarNetworkException($"sendTransaction answered the unknown status '{status}'.");
        }
    }

    public async Task<LookupAnswer> LookupAsync(string hash, CancellationToken ct)
    {
        var result = await CallAsync("getTransaction", new JsonObject { ["hash"] = hash }, ct);
        var latest = JsonFields.Long(result, "latestLedger");
        var closedAt = JsonFields.UnixTime(result, "latestLedgerCloseTime")
            ?? throw new StellarNetworkException("getTransaction answered without latestLedgerCloseTime.");
        var oldest = JsonFields.OptionalLong(result, "oldestLedger");
        var ledger = JsonFields.OptionalLong(result, "ledger");
        var createdAt = JsonFields.UnixTime(result, "createdAt");
        return JsonFields.Text(result, "status") switch
        {
            "SUCCESS" => new(LookupStatus.Success, latest, closedAt, oldest, ledger, createdAt),
            "FAILED" when JsonFields.Text(result, "resultXdr") is { } xdr && TransactionResultXdr.Read(xdr) is var (tx, ops) =>
                new(LookupStatus.Failed, latest, closedAt, oldest, ledger, createdAt, tx, ops),
            "FAILED" => new(LookupStatus.Failed, latest, closedAt, oldest, ledger, createdAt, "tx_failed"),
            // Only this answer says nothing about the hash; with no oldestLedger nothing can be proven from it.
            "NOT_FOUND" => new(LookupStatus.NotFound, latest, closedAt, oldest ?? long.MaxValue),
            var other => throw new StellarNetworkException($"getTransaction answered the unknown status '{other}'."),
        };
    }

    async Task<JsonNode> CallAsync(string method, JsonObject parameters, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref nextId);
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters };
        JsonNode? answer;
        try
        {
            using var response = await http.PostAsJsonAsync("", body, ct);
            if (!response.IsSuccessStatusCode)
                throw new StellarNetworkException($"{method} answered HTTP {(int)response.StatusCode}.");
            answer = await response.Content.ReadFromJsonAsync<JsonNode>(ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new StellarNetworkException($"{method} got no answer: {ex.Message}", ex);
        }
        if (answer?["error"] is { } error)
            throw new StellarNetworkException($"{method} answered error {error["code"]}: {JsonFields.Text(error, "message")}");
        return answer?["result"] ?? throw new StellarNetworkException($"{method} answered without a result.");
    }
}
