using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.Demo;

/// <summary>
/// The living demo: a simulated price feed, inventory feed and trade executor that post the <see cref="DemoScript"/>
/// to the console's real ingest endpoints over HTTP, signed with the demo key, as outside programs would. Runs only in
/// demo mode, and stops with the app.
/// </summary>
public sealed partial class DemoFeeds(
    IOptions<DemoFeedSettings> settings,
    IServer server,
    IHostApplicationLifetime lifetime,
    IHttpClientFactory clients,
    TimeProvider time,
    ILogger<DemoFeeds> log) : BackgroundService
{
    public const string ClientName = "demo-feeds";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.Enabled || !await StartedAsync(stoppingToken))
            return;
        if (OwnAddress() is not { } address)
        {
            NoAddress(log);
            return;
        }
        using var http = clients.CreateClient(ClientName);
        http.BaseAddress = address;
        var script = new DemoScript(settings.Value);
        Started(log, address);
        using var timer = new PeriodicTimer(settings.Value.Interval, time);
        long tick = 0;
        try
        {
            do
            {
                foreach (var post in script.At(tick, time.GetUtcNow()))
                    await SendAsync(http, post, stoppingToken);
                tick++;
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task SendAsync(HttpClient http, DemoPost post, CancellationToken ct)
    {
        try
        {
            using var request = MachineRequests.Signed(HttpMethod.Post, post.Path, MachineClientOptions.DemoKeyId, MachineClientOptions.DemoSecret,
                time.GetUtcNow(), post.Body);
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
                Refused(log, post.Path, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // The console is stopping or busy; the feed tries again at its next tick, as a real one would.
            NotSent(log, post.Path, ex.Message);
        }
    }

    async Task<bool> StartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = ct.Register(() => started.TrySetCanceled(ct));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Where the console listens, as a client on this machine reaches it (a wildcard address becomes the loopback).
    Uri? OwnAddress() => server.Features.Get<IServerAddressesFeature>()?.Addresses
        .Select(a => a.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1"))
        .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri : null)
        .OfType<Uri>()
        .OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1)
        .FirstOrDefault();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feeds post prices, inventory and trade results to {Address}")]
    static partial void Started(ILogger logger, Uri address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo feeds found no address the console listens on; they stay off")]
    static partial void NoAddress(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feed post to {Path} was answered {Status}")]
    static partial void Refused(ILogger logger, string path, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feed post to {Path} was not sent: {Reason}")]
    static partial void NotSent(ILogger logger, string path, string reason);
}
