using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace OpsConsole.Platform.Live;

/// <summary>
/// Decides whether a principal may follow a topic, for the hub and for circuits alike, and logs each refusal at
/// Information: a refusal is an answer, not a fault.
/// </summary>
public sealed class LiveAudienceCheck(LiveTopicRegistry topics, IAuthorizationService authorization, ILogger<LiveAudienceCheck> log)
{
    public async Task<LiveFollow> CheckAsync(ClaimsPrincipal user, string topic)
    {
        var follow = await DecideAsync(user, topic);
        if (!follow.IsGranted)
            log.LogInformation("Live follow of {Topic} refused for {User}: {Refusal}", topic, Who(user), follow.Refusal);
        return follow;
    }

    async Task<LiveFollow> DecideAsync(ClaimsPrincipal user, string topic)
    {
        if (topics.AudienceOf(topic) is not { } audience)
            return LiveFollow.Refused(topic, topics.Unknown(topic));
        if (user.Identity?.IsAuthenticated != true)
            return LiveFollow.Refused(topic, $"You may not follow '{topic}': sign in first.");
        if (audience.Policy is { } policy)
            return (await authorization.AuthorizeAsync(user, policy)).Succeeded
                ? LiveFollow.Granted(topic)
                : LiveFollow.Refused(topic, $"You may not follow '{topic}'.");
        return UserId(user) is { } userId
            ? LiveFollow.Granted(topic, userId)
            : LiveFollow.Refused(topic, $"You may not follow '{topic}': it carries each user's own changes and you have no user id.");
    }

    /// <summary>The user id a per-user topic's subject id is compared with.</summary>
    public static string? UserId(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id ? id : null;

    static string Who(ClaimsPrincipal user) => UserId(user) ?? user.Identity?.Name ?? "an anonymous caller";
}
