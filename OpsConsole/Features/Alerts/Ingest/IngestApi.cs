using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.Alerts.Ingest;

/// <summary>POST /api/ingest/…: the signed feeds of prices, inventory, liquidity actions and trade results, one scope each.</summary>
public static class IngestApi
{
    public const string Path = "/api/ingest";

    public static void MapIngestApi(this IEndpointRouteBuilder app)
    {
        app.MapIngest<MarketPrice, IngestStore>("/market-prices", AlertsFeature.MarketPricesScope, MarketPrice.Read, store => store.StoreAsync);
        app.MapIngest<InventorySnapshot, IngestStore>("/inventory", AlertsFeature.InventoryScope, InventorySnapshot.Read, store => store.StoreAsync);
        app.MapIngest<LiquidityAction, IngestStore>("/liquidity-actions", AlertsFeature.LiquidityActionsScope, LiquidityAction.Read, store => store.StoreAsync);
        app.MapIngest<TradeResult, IngestStore>("/trade-results", AlertsFeature.TradeResultsScope, TradeResult.Read, store => store.StoreAsync);
    }

    /// <summary>
    /// Maps POST /api/ingest{path}: a signed feed of records read by <paramref name="read"/> and kept by the store service
    /// <typeparamref name="TStore"/>, under a scope of its own. Every feed answers alike: 202 when anything was stored, 200
    /// when all were repeats, 400 naming each field at fault with nothing stored, 401 for a replay (found as the records are
    /// stored, in the same transaction, so a replay stores nothing). Other features add their feeds here.
    /// </summary>
    public static RouteHandlerBuilder MapIngest<T, TStore>(this IEndpointRouteBuilder app, string path, string scope, Func<IngestFields, T> read,
        Func<TStore, Func<IReadOnlyList<T>, string, CancellationToken, MachineSignatureRecord?, Task<IReadOnlyList<bool>>>> store) where TStore : notnull =>
        app.MapPost(Path + path, (HttpContext http, [FromServices] TStore stores, IOptions<AlertSettings> settings, TimeProvider time, CancellationToken ct) =>
                IngestAsync(http, settings.Value, time, read, store(stores), ct))
            .DisableAntiforgery()
            .RequireAuthorization(MachinePolicies.PolicyName(scope))
            .RecordSignatureWithWrite();

    static async Task<Results<Accepted<IngestAnswer>, Ok<IngestAnswer>, ValidationProblem>> IngestAsync<T>(
        HttpContext http, AlertSettings settings, TimeProvider time, Func<IngestFields, T> read,
        Func<IReadOnlyList<T>, string, CancellationToken, MachineSignatureRecord?, Task<IReadOnlyList<bool>>> store, CancellationToken ct)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            return Invalid(new Dictionary<string, string[]> { ["body"] = [$"The body is not valid JSON: {ex.Message}"] });
        }
        using (body)
        {
            var batch = IngestBatch.Read(body.RootElement, new IngestLimits(time.GetUtcNow(), settings.IngestMaxAhead), read);
            if (batch.Errors.Count > 0)
                return Invalid(batch.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
            var keyId = MachineCaller.From(http.User)?.KeyId ?? "";
            var answer = IngestAnswer.From(await store(batch.Records, keyId, ct, http.SignatureToRecord()));
            return answer.Stored > 0 ? TypedResults.Accepted((string?)null, answer) : TypedResults.Ok(answer);
        }
    }

    static ValidationProblem Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors,
        title: "The records are not valid; none was stored", detail: $"Fields at fault: {string.Join(", ", errors.Keys)}.");
}
