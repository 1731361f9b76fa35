using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace OpsConsole.Platform.Live;

/// <summary>
/// Live changes for clients outside the server (wall display, tooling). Thin on purpose: a client follows the topics
/// it may see, and the relay sends each change to that topic's group as "change".
/// </summary>
[Authorize]
public sealed class OpsHub(IAuthorizationService authorization) : Hub
{
    public const string Path = "/hubs/ops";
    public const string ChangeMethod = "change";

    public async Task Subscribe(string topic)
    {
        if (!LiveTopics.IsKnown(topic))
            throw UnknownTopic();
        if (LiveTopics.PolicyFor(topic) is { } policy && !(await authorization.AuthorizeAsync(Context.User!, policy)).Succeeded)
            throw new HubException($"You may not follow '{topic}'.");
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveTopics.GroupName(topic), Context.ConnectionAborted);
    }

    public Task Unsubscribe(string topic) => LiveTopics.IsKnown(topic)
        ? Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveTopics.GroupName(topic), Context.ConnectionAborted)
        : throw UnknownTopic();

    static HubException UnknownTopic() => new($"Unknown topic; known topics are {string.Join(", ", LiveTopics.All)}.");
}
