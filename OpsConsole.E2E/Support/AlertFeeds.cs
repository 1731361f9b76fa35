using System.Text.Json;

namespace OpsConsole.E2E.Support;

/// <summary>What a trade executor sends, through the demo key, and what the alert state says came of it.</summary>
public sealed class AlertFeeds(DemoMachineClient client)
{
    public const string ExecutorFailed = "executor_submission_failed";
    public const string ExecutorFailedTitle = "Executor submission failed";

    /// <summary>A pair no other test or run uses, so its alert is this test's alone.</summary>
    public static string NewPair() => $"E{Random.Shared.Next(100_000, 999_999)}/EUR";

    public Task FailTradeAsync(string pair) => TradeAsync(pair, "failed", "e2e: the venue rejected the order");

    public Task FillTradeAsync(string pair) => TradeAsync(pair, "filled", null);

    Task TradeAsync(string pair, string status, string? reason) => client.SendAsync(HttpMethod.Post, "/api/ingest/trade-results", new
    {
        tradeId = $"e2e-{Guid.NewGuid():N}",
        pair,
        status,
        reason,
        at = DateTimeOffset.UtcNow,
    });

    /// <summary>The active alert of <paramref name="code"/> whose scope is <paramref name="scope"/>, or null.</summary>
    public async Task<JsonElement?> ActiveAsync(string code, string scope)
    {
        var state = await client.SendAsync(HttpMethod.Get, "/api/alerts/state");
        foreach (var alert in state.GetProperty("active").EnumerateArray())
            if (alert.GetProperty("code").GetString() == code && alert.GetProperty("scopeKey").GetString() == scope)
                return alert;
        return null;
    }

    /// <summary>Waits for the evaluator to raise the alert; returns when it says it raised it.</summary>
    public async Task<DateTimeOffset> RaisedAtAsync(string code, string scope, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await ActiveAsync(code, scope) is { } alert)
                return alert.GetProperty("raisedAt").GetDateTimeOffset();
            // The signature's timestamp is in whole seconds, and the same request signed twice in one is a replay.
            await Task.Delay(1100);
        }
        throw new TimeoutException($"No {code} alert for {scope} was raised within {limit.TotalSeconds:0} s.");
    }
}
