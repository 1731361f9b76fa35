using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace OpsConsole.Platform.Live;

/// <summary>
/// The hub connections open on this instance, checked every <see cref="LiveOptions.ConnectionCheckEvery"/>: one whose
/// sign-in no longer holds (<see cref="ILiveConnectionCheck"/>) is closed, so a session ended elsewhere stops receiving
/// changes on a WebSocket it opened before, not only on its next request.
/// </summary>
public sealed partial class LiveConnections(IEnumerable<ILiveConnectionCheck> checks, IOptions<LiveOptions> options,
    TimeProvider time, ILogger<LiveConnections> log) : BackgroundService
{
    readonly ConcurrentDictionary<string, HubCallerContext> open = new(StringComparer.Ordinal);

    public int Count => open.Count;

    public void Opened(HubCallerContext connection) => open[connection.ConnectionId] = connection;

    public void Closed(HubCallerContext connection) => open.TryRemove(connection.ConnectionId, out _);

    /// <summary>Checks every open connection once and closes those whose sign-in no longer holds; returns how many.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var closed = 0;
        foreach (var connection in open.Values)
        {
            if (connection.User is not { } user || await HoldsAsync(user, ct))
                continue;
            Closing(log, connection.ConnectionId);
            open.TryRemove(connection.ConnectionId, out _);
            connection.Abort();
            closed++;
        }
        return closed;
    }

    async Task<bool> HoldsAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        foreach (var check in checks)
            if (!await check.HoldsAsync(user, ct))
                return false;
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ConnectionCheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away for a moment: connections stay as they are until the next check.
                CheckFailed(log, ex, options.Value.ConnectionCheckEvery);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing hub connection {ConnectionId}: its sign-in no longer holds")]
    static partial void Closing(ILogger logger, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Open hub connections could not be checked; trying again in {Interval}")]
    static partial void CheckFailed(ILogger logger, Exception ex, TimeSpan interval);
}
