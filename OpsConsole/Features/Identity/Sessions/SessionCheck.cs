using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Identity;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>
/// Whether the session behind a principal can still be used, judged from the database: ended, timed out, or its user
/// disabled all end it; a changed security stamp (departments changed) gives fresher claims instead.
/// </summary>
public sealed class SessionCheck(SessionLedger ledger, IServiceScopeFactory scopes, IOptions<SessionSettings> options,
    IOptions<IdentityOptions> identity, TimeProvider time)
{
    public async Task<SessionVerdict> CheckAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (SessionClaims.SessionOf(user) is not { } id || await ledger.FindAsync(id, ct) is not { } session)
            return SessionVerdict.EndedBecause(SessionEndReason.Describe(SessionState.Ended, null));
        var state = SessionLifetime.StateAt(session.StartedAt, session.LastSeenAt, session.EndedAt, options.Value.Limits, time.GetUtcNow());
        if (state != SessionState.Active)
            return SessionVerdict.EndedBecause(SessionEndReason.Describe(state, session.EndReason));

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
        if (await users.FindByIdAsync(session.UserId) is not { IsDisabled: false } account)
            return SessionVerdict.EndedBecause(SessionEndReason.Describe(SessionState.Ended, SessionEndReason.UserDisabled));
        if (user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == account.SecurityStamp)
            return SessionVerdict.Lasts;
        var fresher = await scope.ServiceProvider.GetRequiredService<SignInManager<OpsUser>>().CreateUserPrincipalAsync(account);
        SessionClaims.Carry(fresher, id);
        return SessionVerdict.Refreshed(fresher);
    }
}
