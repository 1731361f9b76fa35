namespace OpsConsole.Features.Identity.Sessions;

/// <summary>
/// A row of <c>user_sessions</c>: one sign-in, held on the server. The browser's cookie carries only <see cref="Id"/>,
/// so ending the row ends the sign-in everywhere, whatever copies of the cookie exist.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Moved on by requests and circuit activity, at most once a minute; the idle timeout counts from here.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
    public string ClientAddress { get; set; } = "";
    public string UserAgent { get; set; } = "";
    /// <summary>The sign-in's principal and properties, serialized and protected with Data Protection.</summary>
    public byte[] Ticket { get; set; } = [];
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Who ended it: the user, an Admin, or <c>system:…</c>.</summary>
    public string? EndedBy { get; set; }
    /// <summary>One of <see cref="Domain.Identity.SessionEndReason"/>.</summary>
    public string? EndReason { get; set; }
    /// <summary>PostgreSQL's xmin.</summary>
    public uint Version { get; set; }
}
