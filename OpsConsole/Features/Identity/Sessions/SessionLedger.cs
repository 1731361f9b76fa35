using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.Identity;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>
/// What the sign-in cookie handler does to sessions, each a guarded transition: a start and an end are audited; moving
/// the last-seen time on and storing fresher claims are bookkeeping, and never bring back a session that is over.
/// </summary>
public sealed class SessionLedger(GuardedTransitions transitions, IDbContextFactory<OpsDbContext> contexts,
    IOptions<SessionSettings> options, TimeProvider time)
{
    SessionLimits Limits => options.Value.Limits;

    public async Task StartAsync(Guid id, SessionStart start, byte[] ticket, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var key = id.ToString("N");
        var outcome = await transitions.RunAsync(Work(key, SessionActions.Started), (attempt, _) =>
        {
            attempt.Db.UserSessions.Add(new UserSession
            {
                Id = id,
                UserId = start.UserId,
                StartedAt = now,
                LastSeenAt = now,
                ClientAddress = start.ClientAddress,
                UserAgent = start.UserAgent,
                Ticket = ticket,
            });
            var details = new JsonObject { ["user"] = start.Email, ["address"] = start.ClientAddress, ["userAgent"] = start.UserAgent };
            return Task.FromResult(TransitionDecision.Apply("", "active", TransitionEffects.Of(
                new AuditEntry(start.Email, SessionActions.Started, SessionActions.SubjectType, key, details),
                new LiveChange(LiveTopics.Sessions, LiveChange.Created, start.UserId))));
        }, WhenExhausted.HandBack, ct);
        // Not dead-lettered: a sign-in that could not be recorded is simply not made; the person tries again.
        if (outcome is not TransitionOutcome.Applied)
            throw new InvalidOperationException($"The session could not be recorded ({outcome}); the sign-in was not made.");
    }

    /// <summary>The session as stored, whatever its state; null when there is none.</summary>
    public async Task<UserSession?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
    }

    /// <summary>Records activity now, at most once a minute.</summary>
    public Task TouchAsync(Guid id, CancellationToken ct = default) => KeepAsync(id, "session.touched", (session, now) =>
    {
        if (!SessionLifetime.ShouldTouch(session.LastSeenAt, now))
            return false;
        session.LastSeenAt = now;
        return true;
    }, ct);

    /// <summary>Stores fresher claims for the same user (the security stamp check rebuilt them). Not activity: the check
    /// runs on any request, a hub's own traffic included.</summary>
    public Task RenewAsync(Guid id, string userId, byte[] ticket, CancellationToken ct = default) => KeepAsync(id, "session.renewed", (session, _) =>
    {
        // Never another user's principal under this id: whoever holds the cookie would become that user.
        if (session.UserId != userId)
            return false;
        session.Ticket = ticket;
        return true;
    }, ct);

    /// <summary>Ends the session if it can still be used; <paramref name="actor"/> null means its own user did.</summary>
    public async Task<bool> EndAsync(Guid id, string reason, string? actor, CancellationToken ct = default)
    {
        var key = id.ToString("N");
        var outcome = await transitions.RunAsync(Work(key, SessionActions.Ended), async (attempt, token) =>
        {
            var now = time.GetUtcNow();
            var found = await (from s in attempt.Db.UserSessions
                               join u in attempt.Db.Users on s.UserId equals u.Id
                               where s.Id == id
                               select new { Session = s, u.Email }).SingleOrDefaultAsync(token);
            if (found is null || !SessionEnding.IsUsable(found.Session, Limits, now))
                return TransitionDecision.Unchanged("over");
            var effects = new TransitionEffects();
            SessionEnding.End([found.Session], found.Email ?? "", reason, actor ?? found.Email ?? "", now, effects);
            return TransitionDecision.Apply("active", "ended", effects);
        }, ct);
        return outcome is TransitionOutcome.Applied;
    }

    async Task KeepAsync(Guid id, string operation, Func<UserSession, DateTimeOffset, bool> change, CancellationToken ct) =>
        await transitions.RunAsync(Work(id.ToString("N"), operation), async (attempt, token) =>
        {
            var now = time.GetUtcNow();
            var session = await attempt.Db.UserSessions.SingleOrDefaultAsync(s => s.Id == id, token);
            return session is not null && SessionEnding.IsUsable(session, Limits, now) && change(session, now)
                ? TransitionDecision.Recompute("active")
                : TransitionDecision.Unchanged("as it was");
        }, WhenExhausted.HandBack, ct);

    static TransitionContext Work(string id, string operation) =>
        new(SessionActions.SubjectType, id, operation, DeadLetterSources.Ui);
}
