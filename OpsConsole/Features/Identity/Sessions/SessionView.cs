namespace OpsConsole.Features.Identity.Sessions;

/// <summary>An open session as the pages show it; <see cref="IsCurrent"/> marks the one the viewer is using.</summary>
public sealed record SessionView(Guid Id, string UserId, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, DateTimeOffset EndsAt,
    string ClientAddress, string UserAgent, bool IsCurrent);
