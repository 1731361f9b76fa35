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
/// </summary>
static class RaiseLatency
{
    const string Watch = """
        () => {
          window.__tileSeen = {};
          const note = () => document.querySelectorAll('[data-testid=wall-tile]').forEach(t => {
            const scope = t.dataset.scope;
            if (!(scope in window.__tileSeen)) { window.__tileSeen[scope] = 0; requestAnimationFrame(() => window.__tileSeen[scope] = Date.now()); }
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
        for (var i = pages.Count; i < walls; i++)
            hubs.Add(await FollowAsync(console, $"{cookie.Name}={cookie.Value}", () => Interlocked.Increment(ref heard)));
        var (first, last) = (pages[0], pages[^1]);
        await first.EvaluateAsync(Watch);
        await last.EvaluateAsync(Watch);
        Console.WriteLine($"Raise to tile: {pages.Count + hubs.Count} wall connections open ({pages.Count} wall pages in Chromium, {hubs.Count} hub connections), {raises} raises (load {MachineLoad.Average()})");

        var committed = new ConcurrentDictionary<string, DateTimeOffset>();
        using var stop = new CancellationTokenSource();
        var listening = ListenAsync(cs, committed, stop.Token);
        using var http = new HttpClient { BaseAddress = console.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var run = Random.Shared.Next(10_000, 99_999);
        List<double> onFirst = [], onLast = [];
        for (var i = 0; i < raises; i++)
        {
            var pair = $"W{run}{i:D3}/EUR";
            await TradeAsync(http, console, pair, "failed");
            var seenFirst = await SeenAsync(first, pair);
            var seenLast = await SeenAsync(last, pair);
            var at = await CommittedAsync(committed, pair);
            onFirst.Add((seenFirst - at).TotalMilliseconds);
            onLast.Add((seenLast - at).TotalMilliseconds);
            await TradeAsync(http, console, pair, "filled");
        }
        await stop.CancelAsync();
        await listening;
        Console.WriteLine($"  on the first wall page opened: {new Percentiles(onFirst)}");
        Console.WriteLine($"  on the last wall page opened:  {new Percentiles(onLast)}");
        Console.WriteLine($"  the hub connections heard {heard:N0} changes ({(hubs.Count == 0 ? 0 : heard / hubs.Count)} each); load {MachineLoad.Average()}");
        foreach (var hub in hubs)
            await hub.DisposeAsync();
    }

    // A wall display's live connection: the wall cookie, the wall's three topics.
    static async Task<HubConnection> FollowAsync(BenchConsole console, string cookie, Action heard)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(console.BaseUrl, OpsHub.Path), o => o.Headers["Cookie"] = cookie)
            .Build();
        hub.On<LiveChange>(OpsHub.ChangeMethod, _ => heard());
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

    static async Task<DateTimeOffset> SeenAsync(IPage page, string pair)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var at = await page.EvaluateAsync<long>("p => window.__tileSeen[p] ?? 0", pair);
            if (at > 0)
                return DateTimeOffset.FromUnixTimeMilliseconds(at);
            await Task.Delay(50);
        }
        throw new TimeoutException($"No tile for {pair} within 30 s.");
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
