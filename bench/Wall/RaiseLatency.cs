using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Npgsql;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.MachineAuth;

/// <summary>
/// Committed raise → tile visible, with <c>walls</c> wall connections open: <c>browsers</c> of them wall pages in headless
/// Chromium (each its own Blazor circuit, as a TV's), the rest /hubs/ops connections holding the wall cookie and following
/// the wall's three topics (what a wall display's own client would hold; 200 Chromium pages do not fit beside everything
/// else on two shared cores). Then <c>raises</c> times a failed trade on a new pair, which the evaluator (every second)
/// raises. The commit is timed by a LISTEN on the live channel in this process (PostgreSQL delivers a NOTIFY at commit);
/// the tile by the page itself, at the first animation frame after it entered the DOM, on the first wall page opened and
/// on the last. Each alert is cleared with a fill before the next raise, so the walls hold a tile or two, as they usually do.
/// The first <see cref="WarmUp"/> cycles are not timed. Besides the totals it prints the steps on the first page (the relay,
/// as the first hub connection hears it; the tile in the DOM; its frame) and what that page's main thread spent per cycle.
/// </summary>
static class RaiseLatency
{
    const int WarmUp = 30;

    const string Watch = """
        () => {
          const seen = new Set();
          const note = () => document.querySelectorAll('[data-testid=wall-tile]').forEach(t => {
            const scope = t.dataset.scope;
            if (!seen.has(scope)) {
              seen.add(scope);
              const inDom = Date.now();
              requestAnimationFrame(() => window.__tileShown(scope, inDom, Date.now()));
            }
          });
          new MutationObserver(note).observe(document.body, { childList: true, subtree: true });
        }
        """;

    public static async Task RunAsync(BenchConsole console, string cs, int raises, int walls, int browsers)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        // Each wall in a browser context (a window) of its own, as each TV is: a tab behind another would not draw its frames.
        var state = Path.Combine(Path.GetTempPath(), $"opsconsole-bench-wall-state-{Guid.NewGuid():N}.json");
        var firstContext = await browser.NewContextAsync(Window(console));
        var pages = new List<IPage> { await OpenAsync(firstContext, $"/wall?token={console.WallToken}") };
        await firstContext.StorageStateAsync(new() { Path = state });
        // The rest hold the first one's wall cookie; opened a few at a time, as TVs switched on in a room.
        for (var opened = 1; opened < browsers; opened += 4)
            pages.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(4, browsers - opened))
                .Select(async _ => await OpenAsync(await browser.NewContextAsync(Window(console, state)), "/wall"))));
        File.Delete(state);
        var context = firstContext;
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == OpsConsole.Features.Wall.WallAccess.CookieName);
        var hubs = new List<HubConnection>();
        var heard = 0;
        // The first hub connection to hear each raise: the relay's part of the path (NOTIFY heard, passed to the hub).
        var relayed = new ConcurrentDictionary<string, DateTimeOffset>();
        for (var i = pages.Count; i < walls; i++)
            hubs.Add(await FollowAsync(console, $"{cookie.Name}={cookie.Value}", change =>
            {
                Interlocked.Increment(ref heard);
                if (change is { Kind: LiveChange.Created, Data: { } data } && data.TryGetValue("scope", out var scope))
                    relayed.TryAdd(scope, DateTimeOffset.UtcNow);
            }));
        var (first, last) = (pages[0], pages[^1]);
        // Each watched page tells the bench when a tile entered its DOM and when its next frame came: no polling, which
        // would cost the pages and the bench CPU that the walls need.
        var onFirstPage = await WatchAsync(first);
        var onLastPage = last == first ? onFirstPage : await WatchAsync(last);
        Console.WriteLine($"Raise to tile: {pages.Count + hubs.Count} wall connections open ({pages.Count} wall pages in Chromium, {hubs.Count} hub connections), {raises} raises (load {MachineLoad.Average()})");

        // What the first page's main thread spends, from Chromium's own counters (seconds, cumulative).
        var cdp = await first.Context.NewCDPSessionAsync(first);
        await cdp.SendAsync("Performance.enable");
        Dictionary<string, double> before = [];
        var committed = new ConcurrentDictionary<string, DateTimeOffset>();
        using var stop = new CancellationTokenSource();
        var listening = ListenAsync(cs, committed, stop.Token);
        using var http = new HttpClient { BaseAddress = console.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var run = Random.Shared.Next(10_000, 99_999);
        List<double> onFirst = [], onLast = [], toHub = [], toDom = [], toFrame = [];
        // A wall console runs for weeks: the first raises after its start measure the JIT (the ingest parts warm up for the
        // same reason), so the first WarmUp raise-and-clear cycles go through the same path untimed.
        for (var i = -WarmUp; i < raises; i++)
        {
            if (i == 0)
                before = await PageMetricsAsync(cdp);
            var pair = $"W{run}{i + WarmUp:D3}/EUR";
            await TradeAsync(http, console, pair, "failed");
            var (inDom, seenFirst) = await onFirstPage.ShownAsync(pair);
            var (_, seenLast) = await onLastPage.ShownAsync(pair);
            var at = await CommittedAsync(committed, pair);
            if (i < 0)
            {
                await TradeAsync(http, console, pair, "filled");
                continue;
            }
            onFirst.Add((seenFirst - at).TotalMilliseconds);
            onLast.Add((seenLast - at).TotalMilliseconds);
            if (relayed.TryGetValue(pair, out var hubAt))
                toHub.Add((hubAt - at).TotalMilliseconds);
            toDom.Add((inDom - at).TotalMilliseconds);
            toFrame.Add((seenFirst - inDom).TotalMilliseconds);
            await TradeAsync(http, console, pair, "filled");
        }
        await stop.CancelAsync();
        await listening;
        var after = await PageMetricsAsync(cdp);
        Console.WriteLine("  the first page's main thread per raise and clear (Chromium's Performance.getMetrics): " + string.Join(", ",
            after.Where(m => m.Key.EndsWith("Duration", StringComparison.Ordinal) || m.Key.EndsWith("Count", StringComparison.Ordinal))
                .Select(m => string.Create(CultureInfo.InvariantCulture,
                    $"{m.Key} {(m.Value - before.GetValueOrDefault(m.Key)) * (m.Key.EndsWith("Duration", StringComparison.Ordinal) ? 1000 : 1) / raises:F1}"))));
        Console.WriteLine($"  on the first wall page opened: {new Percentiles(onFirst)}");
        Console.WriteLine($"  on the last wall page opened:  {new Percentiles(onLast)}");
        Console.WriteLine("  steps, on the first wall page opened:");
        if (toHub.Count > 0)
            Console.WriteLine($"    commit → first hub connection hears it (relay): {new Percentiles(toHub)}");
        Console.WriteLine($"    commit → tile in the page's DOM (relay, board read, render, send, apply): {new Percentiles(toDom)}");
        Console.WriteLine($"    tile in the DOM → next animation frame (the browser): {new Percentiles(toFrame)}");
        Console.WriteLine($"  the hub connections heard {heard:N0} changes ({(hubs.Count == 0 ? 0 : heard / hubs.Count)} each); load {MachineLoad.Average()}");
        foreach (var hub in hubs)
            await hub.DisposeAsync();
    }

    static async Task<Dictionary<string, double>> PageMetricsAsync(ICDPSession cdp)
    {
        var answer = await cdp.SendAsync("Performance.getMetrics");
        return answer!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }

    // A wall display's live connection: the wall cookie, the wall's three topics.
    static async Task<HubConnection> FollowAsync(BenchConsole console, string cookie, Action<LiveChange> heard)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(console.BaseUrl, OpsHub.Path), o => o.Headers["Cookie"] = cookie)
            .Build();
        hub.On<LiveChange>(OpsHub.ChangeMethod, heard);
        await hub.StartAsync();
        foreach (var topic in new[] { LiveTopics.Alerts, LiveTopics.Approvals, LiveTopics.DeadLetters })
            await hub.InvokeAsync("Subscribe", topic);
        return hub;
    }

    static BrowserNewContextOptions Window(BenchConsole console, string? state = null) => new()
    {
        BaseURL = console.BaseUrl.ToString(),
        ViewportSize = new() { Width = 1920, Height = 1080 },
        StorageStatePath = state,
    };

    static async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    static async Task TradeAsync(HttpClient http, BenchConsole console, string pair, string status)
    {
        var body = JsonSerializer.Serialize(new { tradeId = $"bench-{Guid.NewGuid():N}", pair, status, at = DateTimeOffset.UtcNow },
            new JsonSerializerOptions(JsonSerializerDefaults.Web));
        using var request = MachineRequests.Signed(HttpMethod.Post, "/api/ingest/trade-results", BenchConsole.KeyId, console.KeySecret,
            DateTimeOffset.UtcNow, body);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    static async Task<TileReports> WatchAsync(IPage page)
    {
        var reports = new TileReports();
        await page.ExposeFunctionAsync<string, long, long, bool>("__tileShown", reports.Shown);
        await page.EvaluateAsync(Watch);
        return reports;
    }

    /// <summary>When each tile entered one page's DOM and when the page's next frame followed, as the page reports them.</summary>
    sealed class TileReports
    {
        readonly ConcurrentDictionary<string, TaskCompletionSource<(DateTimeOffset, DateTimeOffset)>> shown = new();

        public bool Shown(string scope, long inDom, long frame)
        {
            Of(scope).TrySetResult((DateTimeOffset.FromUnixTimeMilliseconds(inDom), DateTimeOffset.FromUnixTimeMilliseconds(frame)));
            return true;
        }

        public Task<(DateTimeOffset InDom, DateTimeOffset Frame)> ShownAsync(string scope) =>
            Of(scope).Task.WaitAsync(TimeSpan.FromSeconds(30));

        TaskCompletionSource<(DateTimeOffset, DateTimeOffset)> Of(string scope) =>
            shown.GetOrAdd(scope, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    static async Task<DateTimeOffset> CommittedAsync(ConcurrentDictionary<string, DateTimeOffset> committed, string pair)
    {
        for (var wait = 0; wait < 100 && !committed.ContainsKey(pair); wait++)
            await Task.Delay(50);
        return committed.TryGetValue(pair, out var at) ? at : throw new TimeoutException($"No raise of {pair} was heard.");
    }

    // PostgreSQL delivers a NOTIFY to its listeners when the transaction that sent it commits: the moment a raise is
    // committed, give or take this connection's read.
    static async Task ListenAsync(string cs, ConcurrentDictionary<string, DateTimeOffset> committed, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync(ct);
        conn.Notification += (_, e) =>
        {
            var at = DateTimeOffset.UtcNow;
            using var payload = JsonDocument.Parse(e.Payload);
            foreach (var change in Changes(payload.RootElement))
                if (change.TryGetProperty("kind", out var kind) && kind.GetString() == LiveChange.Created
                    && change.TryGetProperty("data", out var data) && data.TryGetProperty("scope", out var scope))
                    committed.TryAdd(scope.GetString()!, at);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {LiveAnnouncer.Channel}", conn))
            await listen.ExecuteNonQueryAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
                await conn.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    static IEnumerable<JsonElement> Changes(JsonElement payload) =>
        payload.TryGetProperty("topic", out var topic) && topic.GetString() != LiveTopics.Alerts ? []
        : payload.TryGetProperty("changes", out var many) ? many.EnumerateArray().ToList() : [payload];
}
