using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpsConsole.Domain.Stellar;

namespace OpsConsole.Features.Stellar.Simulation;

/// <summary>
/// Serves <see cref="SimulatedLedger"/> as Horizon does, under the real <see cref="Network.HorizonClient"/>: the root
/// with its ingested range, accounts, the latest ledger, transactions by hash (a 404 problem when unknown), and the
/// synchronous POST /transactions, which holds the request until the transaction is in a ledger (200 with the
/// transaction) or its patience runs out (504), and answers a refusal or an included failure with a 400
/// transaction_failed problem carrying extras.result_codes.
/// </summary>
public sealed class SimulatedHorizonHandler(SimulatedLedger ledger) : HttpMessageHandler
{
    /// <summary>How long Horizon holds a submission for the ledger that includes it before answering 504.</summary>
    public static readonly TimeSpan SubmitPatience = TimeSpan.FromSeconds(30);

    const string Problems = "https://stellar.org/horizon-errors/";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var path = request.RequestUri!.AbsolutePath.TrimEnd('/');
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (request.Method.Method, segments) switch
        {
            ("GET", []) => Resource(Root()),
            ("GET", ["accounts", var id]) => Account(id),
            ("GET", ["ledgers"]) => Resource(LatestLedgers()),
            ("GET", ["transactions", var hash]) => Transaction(hash),
            ("POST", ["transactions"]) => await SubmitAsync(request, ct),
            _ => NotFound(),
        };
    }

    JsonObject Root()
    {
        var (latest, closedAt) = ledger.Latest();
        return new()
        {
            ["horizon_version"] = "simulated",
            ["core_version"] = "simulated",
            ["ingest_latest_ledger"] = latest,
            ["history_latest_ledger"] = latest,
            ["history_latest_ledger_closed_at"] = Iso(closedAt),
            ["history_elder_ledger"] = ledger.OldestRemembered,
            ["core_latest_ledger"] = latest,
            ["network_passphrase"] = ledger.NetworkPassphrase,
            ["current_protocol_version"] = 22,
            ["core_supported_protocol_version"] = 22,
            ["supported_protocol_version"] = 22,
        };
    }

    HttpResponseMessage Account(string id)
    {
        if (!StrKey.IsValidAccountId(id))
            return BadRequest("account_id", "Account ID must start with `G` and contain 56 alphanum characters");
        var (latest, closedAt) = ledger.Latest();
        return Resource(new JsonObject
        {
            ["id"] = id,
            ["account_id"] = id,
            ["sequence"] = ledger.AccountSequence(id).ToString(CultureInfo.InvariantCulture),
            ["subentry_count"] = 0,
            ["last_modified_ledger"] = latest,
            ["last_modified_time"] = Iso(closedAt),
            ["thresholds"] = new JsonObject { ["low_threshold"] = 0, ["med_threshold"] = 0, ["high_threshold"] = 0 },
            ["flags"] = new JsonObject { ["auth_required"] = false, ["auth_revocable"] = false, ["auth_immutable"] = false, ["auth_clawback_enabled"] = false },
            ["balances"] = new JsonArray(new JsonObject
            {
                ["balance"] = "10000.0000000",
                ["buying_liabilities"] = "0.0000000",
                ["selling_liabilities"] = "0.0000000",
                ["asset_type"] = "native",
            }),
            ["signers"] = new JsonArray(new JsonObject { ["weight"] = 1, ["key"] = id, ["type"] = "ed25519_public_key" }),
            ["num_sponsoring"] = 0,
            ["num_sponsored"] = 0,
            ["paging_token"] = id,
        });
    }

    /// <summary>GET /ledgers?order=desc&amp;limit=1: the newest closed ledger, as a one-record page.</summary>
    JsonObject LatestLedgers()
    {
        var (latest, closedAt) = ledger.Latest();
        var record = new JsonObject
        {
            ["id"] = Convert.ToHexStringLower(BitConverter.GetBytes(latest)).PadLeft(64, '0'),
            ["paging_token"] = (latest << 32).ToString(CultureInfo.InvariantCulture),
            ["sequence"] = latest,
            ["closed_at"] = Iso(closedAt),
            ["protocol_version"] = 22,
            ["base_fee_in_stroops"] = 100,
        };
        return new() { ["_embedded"] = new JsonObject { ["records"] = new JsonArray(record) } };
    }

    HttpResponseMessage Transaction(string hash)
    {
        if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
            return BadRequest("tx_id", "Transaction hash must be a hex-encoded, lowercase SHA-256 hash");
        return ledger.Find(hash.ToLowerInvariant()) is { } found ? Resource(TransactionResource(hash.ToLowerInvariant(), found)) : NotFound();
    }

    async Task<HttpResponseMessage> SubmitAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var form = await request.Content!.ReadAsStringAsync(ct);
        var tx = form.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0] == "tx")
            .Select(p => WebUtility.UrlDecode(p[1])).FirstOrDefault();
        if (string.IsNullOrEmpty(tx))
            return BadRequest("tx", "Transaction envelope must be a base64-encoded TransactionEnvelope");
        string hash;
        try
        {
            hash = TransactionHash.ComputeHex(PaymentXdr.FromBase64(tx).Transaction, ledger.NetworkPassphrase);
        }
        catch (FormatException)
        {
            return Problem(HttpStatusCode.BadRequest, "transaction_malformed", "Transaction Malformed",
                "Horizon could not decode the transaction envelope in this request.", new JsonObject { ["envelope_xdr"] = tx });
        }
        // Horizon answers from its history first: the same envelope sent again gets the result it already had.
        if (ledger.Find(hash) is { } landed)
            return Landed(hash, landed);
        var (status, _, error) = ledger.Send(tx);
        if (status == "ERROR")
            return Failed(tx, error!);
        // PENDING, DUPLICATE and TRY_AGAIN_LATER alike: Horizon waits for a ledger with the transaction in it.
        return await ledger.AwaitIncludedAsync(hash, SubmitPatience, ct) is { } included
            ? Landed(hash, included)
            : Problem(HttpStatusCode.GatewayTimeout, "timeout", "Timeout",
                "Your request timed out before completing.  Please try your request again. If you are submitting a transaction make sure you are sending exactly the same transaction (with the same sequence number).");
    }

    HttpResponseMessage Landed(string hash, SimulatedLedger.Included included) =>
        included.Successful ? Resource(TransactionResource(hash, included)) : Failed(included.EnvelopeXdr, included.ResultXdr);

    static HttpResponseMessage Failed(string envelopeXdr, string resultXdr)
    {
        var (transaction, operations) = TransactionResultXdr.Read(resultXdr);
        var codes = new JsonObject { ["transaction"] = transaction };
        if (operations.Count > 0)
            codes["operations"] = new JsonArray([.. operations.Select(o => (JsonNode)o)]);
        return Problem(HttpStatusCode.BadRequest, "transaction_failed", "Transaction Failed",
            "The transaction failed when submitted to the stellar network. The `extras.result_codes` field on this response contains further details.  Descriptions of each code can be found at: https://developers.stellar.org/api/errors/http-status-codes/horizon-specific/transaction-failed/",
            new JsonObject { ["envelope_xdr"] = envelopeXdr, ["result_codes"] = codes, ["result_xdr"] = resultXdr });
    }

    static JsonObject TransactionResource(string hash, SimulatedLedger.Included found)
    {
        var tx = PaymentXdr.FromBase64(found.EnvelopeXdr).Transaction;
        var resource = new JsonObject
        {
            ["id"] = hash,
            ["paging_token"] = ((found.Ledger << 32) + (1 << 12)).ToString(CultureInfo.InvariantCulture),
            ["successful"] = found.Successful,
            ["hash"] = hash,
            ["ledger"] = found.Ledger,
            ["created_at"] = Iso(found.ClosedAt),
            ["source_account"] = tx.SourceAccount,
            ["source_account_sequence"] = tx.Sequence.ToString(CultureInfo.InvariantCulture),
            ["fee_account"] = tx.SourceAccount,
            ["fee_charged"] = tx.Fee.ToString(CultureInfo.InvariantCulture),
            ["max_fee"] = tx.Fee.ToString(CultureInfo.InvariantCulture),
            ["operation_count"] = 1,
            ["envelope_xdr"] = found.EnvelopeXdr,
            ["result_xdr"] = found.ResultXdr,
            ["memo_type"] = tx.Memo.Type.ToString().ToLowerInvariant(),
            ["valid_after"] = Iso(DateTimeOffset.FromUnixTimeSeconds((long)tx.TimeBounds.MinTime)),
            ["valid_before"] = Iso(DateTimeOffset.FromUnixTimeSeconds((long)tx.TimeBounds.MaxTime)),
            ["preconditions"] = new JsonObject
            {
                ["timebounds"] = new JsonObject
                {
                    ["min_time"] = tx.TimeBounds.MinTime.ToString(CultureInfo.InvariantCulture),
                    ["max_time"] = tx.TimeBounds.MaxTime.ToString(CultureInfo.InvariantCulture),
                },
            },
        };
        if (tx.Memo.Type == MemoType.Text)
            resource["memo"] = tx.Memo.Text;
        else if (tx.Memo.Type == MemoType.Id)
            resource["memo"] = tx.Memo.Id.ToString(CultureInfo.InvariantCulture);
        else if (tx.Memo.Type == MemoType.Hash)
            resource["memo"] = Convert.ToBase64String(tx.Memo.Hash!);
        return resource;
    }

    static HttpResponseMessage Resource(JsonObject body) => Json(HttpStatusCode.OK, body, "application/hal+json");

    static HttpResponseMessage NotFound() => Problem(HttpStatusCode.NotFound, "not_found", "Resource Missing",
        "The resource at the url requested was not found.  This usually occurs for one of two reasons:  The url requested is not valid, or no data in our database could be found with the parameters provided.");

    static HttpResponseMessage BadRequest(string field, string reason) => Problem(HttpStatusCode.BadRequest, "bad_request", "Bad Request",
        "The request you sent was invalid in some way.", new JsonObject { ["invalid_field"] = field, ["reason"] = reason });

    static HttpResponseMessage Problem(HttpStatusCode status, string type, string title, string detail, JsonObject? extras = null)
    {
        var body = new JsonObject { ["type"] = Problems + type, ["title"] = title, ["status"] = (int)status, ["detail"] = detail };
        if (extras is not null)
            body["extras"] = extras;
        return Json(status, body, "application/problem+json");
    }

    static HttpResponseMessage Json(HttpStatusCode status, JsonObject body, string mediaType) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, mediaType) };

    static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
