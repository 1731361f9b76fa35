using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>
/// Open sessions as people see and end them: everyone their own (/account), an Admin anyone's (/users). Each call checks
/// the caller; each ending is one guarded transition with one audit event per session it ends.
/// </summary>
public sealed class UserSessions(IDbContextFactory<OpsDbContext> contexts, GuardedTransitions transitions,
    IAuthorizationService authorization, IOptions<SessionSettings> options, TimeProvider time)
{
    SessionLimits Limits => options.Value.Limits;

    public Task<IReadOnlyList<SessionView>> ListMineAsync(ClaimsPrincipal caller, CancellationToken ct = default) =>
        ListAsync(Me(caller).UserId, SessionClaims.SessionOf(caller), ct);

    public async Task<IReadOnlyList<SessionView>> ListForUserAsync(ClaimsPrincipal caller, string userId, CancellationToken ct = default)
    {
        await DemandAdminAsync(caller);
        return await ListAsync(userId, SessionClaims.SessionOf(caller), ct);
    }

    /// <summary>How many open sessions each user has, for the users list; users with none are left out.</summary>
    public async Task<IReadOnlyDictionary<string, int>> OpenCountsAsync(ClaimsPrincipal caller, CancellationToken ct = default)
    {
        await DemandAdminAsync(caller);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var open = await db.UserSessions.AsNoTracking().Where(s => s.EndedAt == null).ToListAsync(ct);
        return open.Where(s => SessionEnding.IsUsable(s, Limits, now)).GroupBy(s => s.UserId).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Ends every other session of the caller; returns how many ended.</summary>
    public Task<int> SignOutOthersAsync(ClaimsPrincipal caller, CancellationToken ct = default)
    {
        var (userId, email) = Me(caller);
        var current = SessionClaims.SessionOf(caller);
        return EndAsync("session.others_ended", userId, email, SessionEndReason.SignedOutElsewhere,
            s => s.UserId == userId && s.Id != current, ct);
    }

    /// <summary>Ends one session: the caller's own, or anyone's for an Admin. Returns 1 when it ended, 0 when it was over already.</summary>
    public async Task<int> EndAsync(ClaimsPrincipal caller, Guid sessionId, CancellationToken ct = default)
    {
        var (userId, email) = Me(caller);
        string? owner;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            owner = await db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.UserId).SingleOrDefaultAsync(ct);
        var own = owner == userId;
        if (!own)
            await DemandAdminAsync(caller);
        return await EndAsync(SessionActions.Ended, sessionId.ToString("N"), email,
            own ? SessionEndReason.SignedOutElsewhere : SessionEndReason.EndedByAdmin, s => s.Id == sessionId, ct);
    }

    /// <summary>An Admin ends every session of one user; returns how many ended.</summary>
    public async Task<int> EndAllAsync(ClaimsPrincipal caller, string userId, CancellationToken ct = default)
    {
        await DemandAdminAsync(caller);
        return await EndAsync("session.all_ended", userId, Me(caller).Email, SessionEndReason.EndedByAdmin, s => s.UserId == userId, ct);
    }

    async Task<int> EndAsync(string operation, string subject, string actor, string reason,
        System.Linq.Expressions.Expression<Func<UserSession, bool>> which, CancellationToken ct)
    {
        var ended = 0;
        var outcome = await transitions.RunAsync(new TransitionContext(SessionActions.SubjectType, subject, operation, DeadLetterSources.Ui),
            async (attempt, token) =>
            {
                var now = time.GetUtcNow();
                var rows = await (from s in attempt.Db.UserSessions.Where(which).Where(s => s.EndedAt == null)
                                  join u in attempt.Db.Users on s.UserId equals u.Id
                                  select new { Session = s, u.Email }).ToListAsync(token);
                var usable = rows.Where(r => SessionEnding.IsUsable(r.Session, Limits, now)).ToList();
                var effects = new TransitionEffects();
                foreach (var user in usable.GroupBy(r => r.Email ?? ""))
                    SessionEnding.End(user.Select(r => r.Session).ToList(), user.Key, reason, actor, now, effects);
                ended = usable.Count;
                return ended == 0 ? TransitionDecision.Unchanged("none open") : TransitionDecision.Apply("active", "ended", effects);
            }, ct);
        return outcome is TransitionOutcome.Applied ? ended : 0;
    }

    async Task<IReadOnlyList<SessionView>> ListAsync(string userId, Guid? current, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var open = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(ct);
        return open.Where(s => SessionEnding.IsUsable(s, Limits, now))
            .OrderByDescending(s => s.Id == current).ThenByDescending(s => s.LastSeenAt)
            .Select(s => new SessionView(s.Id, s.UserId, s.StartedAt, s.LastSeenAt, SessionLifetime.EndsAt(s.StartedAt, s.LastSeenAt, Limits),
                s.ClientAddress, s.UserAgent, s.Id == current))
            .ToList();
    }

    async Task DemandAdminAsync(ClaimsPrincipal caller)
    {
        if (!(await authorization.AuthorizeAsync(caller, OpsPolicies.Admin)).Succeeded)
            throw new UnauthorizedAccessException("Only an Admin may see or end other people's sessions.");
    }

    static (string UserId, string Email) Me(ClaimsPrincipal caller) =>
        (caller.FindFirstValue(ClaimTypes.NameIdentifier), caller.FindFirstValue(ClaimTypes.Email) ?? caller.Identity?.Name) is ({ } id, { } email)
            ? (id, email)
            : throw new UnauthorizedAccessException("Only a signed-in user has sessions.");
}
