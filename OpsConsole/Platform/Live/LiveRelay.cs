using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OpsConsole.Platform.Live;

/// <summary>
/// Each instance's listener: one dedicated connection with LISTEN ops_live, passing every committed change to this
/// instance's components (the live feed) and hub clients, each only to those who may see it; the same connection
/// listens for the platform's other signals (<see cref="ISignalListener"/>, such as job wake-ups). A lost connection is
/// reopened with bounded backoff, and subscribers are then told to resync, since NOTIFYs sent while nobody listened
/// are gone.
/// </summary>
public sealed class LiveRelay(
    IOptions<LiveOptions> options,
    LiveTopicRegistry topics,
    LiveFeed feed,
    IHubContext<OpsHub> hub,
    IEnumerable<ISignalListener> listeners,
    TimeProvider time,
    ILogger<LiveRelay> log) : BackgroundService, ILiveLink
{
    /// <summary>The relay connection's application_name, so operators can find it in pg_stat_activity.</summary>
    public const string ApplicationName = "opsconsole-live";

    readonly Channel<LiveChange> received = Channel.CreateUnbounded<LiveChange>(new() { SingleReader = true });
    volatile bool listening;

    /// <summary>True while the relay holds a connection that is listening.</summary>
    public bool IsListening => listening;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var forwarding = ForwardAsync(stoppingToken);
        try
        {
            await ListenAsync(stoppingToken);
        }
        finally
        {
            received.Writer.TryComplete();
            await forwarding;
        }
    }

    async Task ListenAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var delay = settings.ReconnectDelay;
        var mayHaveMissed = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var conn = await OpenListeningAsync(settings, ct);
                listening = true;
                delay = settings.ReconnectDelay;
                if (mayHaveMissed)
                {
                    log.LogInformation("Live relay is listening again");
                    foreach (var topic in topics.Names)
                        received.Writer.TryWrite(new LiveChange(topic, LiveChange.Resync));
                    mayHaveMissed = false;
                }
                // Also on the first connection: a listener learns what it should have heard before it started listening.
                foreach (var listener in listeners)
                    listener.OnListening();
                await WaitForNotificationsAsync(conn, settings.Heartbeat, ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                listening = false;
                mayHaveMissed = true;
                var wait = Jitter(delay);
                log.LogWarning(ex, "Live relay cannot listen on the database; trying again in {Delay}", wait);
                try
                {
                    await Task.Delay(wait, time, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.ReconnectMaxDelay.Ticks));
            }
            finally
            {
                listening = false;
            }
        }
    }

    async Task<NpgsqlConnection> OpenListeningAsync(LiveOptions settings, CancellationToken ct)
    {
        // Its own unpooled connection: it is held for the life of the process, and a broken one must not return to a pool.
        var cs = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { ApplicationName = ApplicationName, Pooling = false };
        var conn = new NpgsqlConnection(cs.ConnectionString);
        try
        {
            conn.Notification += (_, e) => OnNotification(e.Channel, e.Payload);
            await conn.OpenAsync(ct);
            var channels = listeners.Select(l => l.Channel).Prepend(LiveAnnouncer.Channel).Distinct();
            await using var listen = new NpgsqlCommand(string.Concat(channels.Select(c => $"LISTEN {c};")), conn);
            await listen.ExecuteNonQueryAsync(ct);
            return conn;
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
    }

    static async Task WaitForNotificationsAsync(NpgsqlConnection conn, TimeSpan heartbeat, CancellationToken ct)
    {
        while (true)
        {
            if (await conn.WaitAsync(heartbeat, ct))
                continue;
            // A quiet connection may be a dead one; a round trip finds out instead of waiting forever.
            await using var ping = new NpgsqlCommand("SELECT 1", conn);
            await ping.ExecuteScalarAsync(ct);
        }
    }

    void OnNotification(string channel, string payload)
    {
        if (channel != LiveAnnouncer.Channel)
        {
            foreach (var listener in listeners.Where(l => l.Channel == channel))
                listener.OnSignal(payload);
            return;
        }
        var changes = LiveBatch.FromPayload(payload, topics);
        foreach (var change in changes)
            received.Writer.TryWrite(change);
        if (changes.Count == 0)
            log.LogWarning("Live relay ignored a payload on {Channel} that is not a live change", LiveAnnouncer.Channel);
    }

    async Task ForwardAsync(CancellationToken ct)
    {
        await foreach (var change in received.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await feed.PublishAsync(change);
                if (topics.AudienceOf(change.Topic) is { } audience && LiveGroups.For(change, audience) is { } group)
                    await hub.Clients.Group(group).SendAsync(OpsHub.ChangeMethod, change, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Live relay could not pass on a {Kind} change of {Topic}", change.Kind, change.Topic);
            }
        }
    }

    // Spread reconnects of many instances so a restarted database is not hit by all of them at the same moment.
    static TimeSpan Jitter(TimeSpan delay) => delay * (0.8 + Random.Shared.NextDouble() * 0.4);
}
