using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpsConsole.Features.Funding.Esplora;

/// <summary>
/// An Esplora-compatible REST API (Bitcoin:EsploraUrl, or the simulated chain): the tip height, an address's
/// transactions (the newest mempool ones and confirmed ones, then older confirmed ones page by page through
/// /txs/chain/{last_seen_txid}) and one transaction's status.
/// </summary>
public sealed class EsploraClient(HttpClient http)
{
    public const string ClientName = "bitcoin-esplora";

    /// <summary>Confirmed transactions per page of /address/{a}/txs and /txs/chain: a full page means there may be more.</summary>
    public const int ChainPage = 25;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<long> TipHeightAsync(CancellationToken ct)
    {
        var text = await GetAsync("blocks/tip/height", async r => (string?)await r.Content.ReadAsStringAsync(ct), ct)
            ?? throw new EsploraException("GET /blocks/tip/height answered 404.");
        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            ? height
            : throw new EsploraException($"GET /blocks/tip/height answered '{text}', not a height.");
    }

    /// <summary>Every transaction of the address, mempool ones first, each once.</summary>
    public async Task<IReadOnlyList<EsploraTransaction>> AddressTransactionsAsync(string address, CancellationToken ct)
    {
        var all = new List<EsploraTransaction>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var page = await PageAsync($"address/{address}/txs", ct);
        while (true)
        {
            var fresh = page.Where(t => seen.Add(t.Txid)).ToList();
            all.AddRange(fresh);
            var confirmed = page.Where(t => t.Status.Confirmed).ToList();
            // A short page is the last; a page with nothing new would only repeat itself.
            if (confirmed.Count < ChainPage || fresh.Count == 0)
                return all;
            page = await PageAsync($"address/{address}/txs/chain/{confirmed[^1].Txid}", ct);
        }
    }

    /// <summary>The transaction's status, or null when Esplora knows no such transaction (404).</summary>
    public Task<EsploraStatus?> TransactionStatusAsync(string txid, CancellationToken ct) =>
        GetAsync($"tx/{txid}/status", r => r.Content.ReadFromJsonAsync<EsploraStatus>(Json, ct), ct);

    async Task<IReadOnlyList<EsploraTransaction>> PageAsync(string path, CancellationToken ct) =>
        await GetAsync(path, r => r.Content.ReadFromJsonAsync<List<EsploraTransaction>>(Json, ct), ct)
        ?? throw new EsploraException($"GET /{path} answered 404.");

    /// <summary>The answer at <paramref name="path"/> read by <paramref name="read"/>, or null for a 404.</summary>
    async Task<T?> GetAsync<T>(string path, Func<HttpResponseMessage, Task<T?>> read, CancellationToken ct) where T : class
    {
        try
        {
            using var response = await http.GetAsync(path, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return null;
            if (!response.IsSuccessStatusCode)
                throw new EsploraException($"GET /{path} answered HTTP {(int)response.StatusCode}.");
            return await read(response) ?? throw new EsploraException($"GET /{path} answered an empty body.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new EsploraException($"GET /{path} got no usable answer: {ex.Message}", ex);
        }
    }
}
