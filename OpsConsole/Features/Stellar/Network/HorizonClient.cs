using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Features.Stellar.Network;

/// <summary>Horizon's REST API (Stellar:HorizonUrl). Its root names the latest ledger it has ingested, when that
/// closed, and the oldest it keeps (history_elder_ledger), which is what a not-found hash is judged against.</summary>
public sealed class HorizonClient(HttpClient http) : IStellarNetwork
{
    public const string ClientName = "stellar-horizon";

    public async Task<LedgerState> LatestLedgerAsync(CancellationToken ct)
    {
        var root = await GetAsync("", ct) ?? throw new StellarNetworkException("Horizon's root answered 404.");
        return new(JsonFields.Long(root, "history_latest_ledger"), JsonFields.IsoTime(root, "history_latest_ledger_closed_at"));
    }

    public async Task<long> AccountSequenceAsync(string accountId, CancellationToken ct)
    {
        var account = await GetAsync($"accounts/{accountId}", ct) ?? throw new StellarNetworkException($"Horizon has no account {accountId}.");
        return JsonFields.Long(account, "sequence");
    }

    public async Task<SendAnswer> SendAsync(string envelopeXdr, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent([new("tx", envelopeXdr)]);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync("transactions", form, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new(SendStatus.NoAnswer, Detail: ex.Message);
        }
        using (response)
        {
            var body = await ReadAsync(response, ct);
            var codes = body is null ? null : body["extras"]?["result_codes"];
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return new(SendStatus.Pending, LatestLedger: JsonFields.OptionalLong(body, "ledger"));
                case HttpStatusCode.BadRequest when codes is not null:
                    List<string> operations = codes["operations"] is JsonArray ops ? [.. ops.Select(o => o?.GetValue<string>() ?? "")] : [];
                    return new(SendStatus.Error, JsonFields.Text(codes, "transaction") ?? "tx_error", operations);
                case HttpStatusCode.GatewayTimeout:
                case HttpStatusCode.BadGateway:
                case HttpStatusCode.ServiceUnavailable:
                    return new(SendStatus.NoAnswer, Detail: $"HTTP {(int)response.StatusCode}");
                case HttpStatusCode.TooManyRequests:
                    return new(SendStatus.TryAgainLater, Detail: "HTTP 429");
                default:
                    throw new StellarNetworkException($"POST /transactions answered HTTP {(int)response.StatusCode}: {JsonFields.Text(body, "title")}");
            }
        }
    }

    public async Task<LookupAnswer> LookupAsync(string hash, CancellationToken ct)
    {
        // The root first: a hash not found is only judged against ledgers Horizon had ingested before it looked.
        var root = await GetAsync("", ct) ?? throw new StellarNetworkException("Horizon's root answered 404.");
        var latest = JsonFields.Long(root, "history_latest_ledger");
        var closedAt = JsonFields.IsoTime(root, "history_latest_ledger_closed_at")
            ?? throw new StellarNetworkException("Horizon's root has no history_latest_ledger_closed_at.");
        var oldest = JsonFields.OptionalLong(root, "history_elder_ledger") ?? long.MaxValue;
        var tx = await GetAsync($"transactions/{hash}", ct);
        if (tx is null)
            return new(LookupStatus.NotFound, latest, closedAt, oldest);
        var (ledger, created) = (JsonFields.OptionalLong(tx, "ledger"), JsonFields.IsoTime(tx, "created_at"));
        if (tx["successful"]?.GetValue<bool>() == true)
            return new(LookupStatus.Success, latest, closedAt, oldest, ledger, created);
        var (code, ops) = JsonFields.Text(tx, "result_xdr") is { } xdr ? TransactionResultXdr.Read(xdr) : ("tx_failed", []);
        return new(LookupStatus.Failed, latest, closedAt, oldest, ledger, created, code, ops);
    }

    /// <summary>The JSON at <paramref name="path"/>, or null for a 404.</summary>
    async Task<JsonNode?> GetAsync(string path, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(path, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return null;
            if (!response.IsSuccessStatusCode)
                throw new StellarNetworkException($"GET /{path} answered HTTP {(int)response.StatusCode}.");
            return await ReadAsync(response, ct) ?? throw new StellarNetworkException($"GET /{path} answered no JSON.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new StellarNetworkException($"GET /{path} got no answer: {ex.Message}", ex);
        }
    }

    static async Task<JsonNode?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return response.Content.Headers.ContentLength == 0 ? null : await response.Content.ReadFromJsonAsync<JsonNode>(ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
