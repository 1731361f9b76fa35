using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace OpsConsole.Platform.Live;

/// <summary>
/// Live changes for clients outside the server (wall display, tooling). Thin on purpose: <see cref="LiveAudienceCheck"/>
/// decides who may follow what, and the relay sends each change as "change" to the topic's followers, or, on a per-user
/// topic, only to the user the change is about.
/// <para>
/// Contract: <c>Subscribe(topic)</c> completes when the caller follows the topic. An unknown topic, or one the caller may
/// not follow, fails with a <see cref="HubException"/> whose message names the topic (and, when unknown, the known ones);
/// it is an expected answer, so it is logged at Information (<see cref="HubAnswersLogLevel"/>), never at Error.
/// <c>Unsubscribe(topic)</c> leaves the topic; leaving one never followed does nothing. A connection whose sign-in
/// ends (sign-out, an ended session, a disabled user, changed roles) is closed by <see cref="LiveConnections"/>.
/// </para>
/// </summary>
[Authorize(Policy = LiveFeature.HubPolicy)]
public sealed class OpsHub(LiveAudienceCheck audience, LiveConnections connections) : Hub
{
    public const string Path = "/hubs/ops";
    public const string ChangeMethod = "change";

    public override Task OnConnectedAsync()
    {
        connections.Opened(Context);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed(Context);
        return Task.CompletedTask;
    }

    public async Task Subscribe(string topic)
    {
        var follow = await audience.CheckAsync(Context.User!, topic);
        if (!follow.IsGranted)
            throw new HubException(follow.Refusal);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Topic(topic), Context.ConnectionAborted);
        if (follow.UserId is { } userId)
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.User(topic, userId), Context.ConnectionAborted);
    }

    public async Task Unsubscribe(string topic)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Topic(topic), Context.ConnectionAborted);
        if (LiveAudienceCheck.UserId(Context.User!) is { } userId)
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.User(topic, userId), Context.ConnectionAborted);
    }
}
