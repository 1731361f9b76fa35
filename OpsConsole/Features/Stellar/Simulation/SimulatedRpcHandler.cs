using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Features.Stellar.Simulation;

/// <summary>Serves <see cref="SimulatedLedger"/> as Stellar RPC does: the HTTP handler under the real
/// <see cref="Network.StellarRpcClient"/>, so that demo and tests run the same client code as production.</summary>
public sealed class SimulatedRpcHandler(SimulatedLedger ledger) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var call = await request.Content!.ReadFromJsonAsync<JsonObject>(ct) ?? [];
        var parameters = call["params"] as JsonObject ?? [];
        JsonNode result = call["method"]?.GetValue<string>() switch
        {
            "getLatestLedger" => LatestLedger(),
            "getLedgerEntries" => LedgerEntries(parameters),
            "sendTransaction" => SendTransaction(parameters),
            "getTransaction" => GetTransaction(parameters),
            var other => throw new InvalidOperationException($"The simulated network does not serve {other}."),
        };
        var answer = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = call["id"]?.DeepClone(), ["result"] = result };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(answer) };
    }

    JsonObject LatestLedger()
    {
        var (sequence, _) = ledger.Latest();
        return new() { ["id"] = Convert.ToHexStringLower(BitConverter.GetBytes(sequence)), ["protocolVersion"] = 22, ["sequence"] = sequence };
    }

    JsonObject LedgerEntries(JsonObject parameters)
    {
        var (latest, _) = ledger.Latest();
        var entries = new JsonArray();
        foreach (var key in parameters["keys"]?.AsArray() ?? [])
        {
            var bytes = Convert.FromBase64String(key!.GetValue<string>());
            var account = StrKey.EncodeAccountId(bytes.AsSpan(8, 32));
            entries.Add(new JsonObject { ["key"] = key.GetValue<string>(), ["xdr"] = AccountLedgerXdr.WriteEntry(account, 10_000 * Stroops.PerUnit, ledger.AccountSequence(account)), ["lastModifiedLedgerSeq"] = latest });
        }
        return new() { ["entries"] = entries, ["latestLedger"] = latest };
    }

    JsonObject SendTransaction(JsonObject parameters)
    {
        var (status, hash, error) = ledger.Send(parameters["transaction"]!.GetValue<string>());
        var (latest, closedAt) = ledger.Latest();
        var answer = new JsonObject
        {
            ["status"] = status,
            ["hash"] = hash,
            ["latestLedger"] = latest,
            ["latestLedgerCloseTime"] = Unix(closedAt),
        };
        if (error is not null)
            answer["errorResultXdr"] = error;
        return answer;
    }

    JsonObject GetTransaction(JsonObject parameters)
    {
        var found = ledger.Find(parameters["hash"]!.GetValue<string>());
        var (latest, closedAt) = ledger.Latest();
        var oldest = ledger.OldestRemembered;
        var answer = new JsonObject
        {
            ["status"] = found is null ? "NOT_FOUND" : found.Successful ? "SUCCESS" : "FAILED",
            ["latestLedger"] = latest,
            ["latestLedgerCloseTime"] = Unix(closedAt),
            ["oldestLedger"] = oldest,
            ["oldestLedgerCloseTime"] = Unix(ledger.CloseTime(oldest)),
        };
        if (found is not null)
        {
            answer["ledger"] = found.Ledger;
            answer["createdAt"] = Unix(found.ClosedAt);
            answer["applicationOrder"] = 1;
            answer["envelopeXdr"] = found.EnvelopeXdr;
            answer["resultXdr"] = found.ResultXdr;
        }
        return answer;
    }

    static string Unix(DateTimeOffset t) => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
