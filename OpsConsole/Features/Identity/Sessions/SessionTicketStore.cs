using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Identity;
using OpsConsole.Platform.Security;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>
/// The sign-in cookie's store: the cookie carries only the session's id, and every request reads the session from the
/// database, so a session that was ended or timed out stops working on the next request, on every instance.
/// </summary>
sealed class SessionTicketStore(SessionLedger ledger, IDataProtectionProvider protection, IOptions<SessionSettings> options,
    TimeProvider time, ILogger<SessionTicketStore> log) : ITicketStore
{
    /// <summary>Set on the request by sign-out, so the session's end says the user signed out rather than that the account changed.</summary>
    public const string EndReasonItem = "ops.session.end-reason";

    readonly IDataProtector protector = protection.CreateProtector("OpsConsole.Sessions.Ticket");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        SessionClaims.Carry(ticket.Principal, id);
        await ledger.StartAsync(id, SessionStart.From(ticket.Principal, httpContext), Protect(ticket), cancellationToken);
        return id.ToString("N");
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(key, "N", out var id) || await ledger.FindAsync(id, cancellationToken) is not { } session)
            return null;
        var limits = options.Value.Limits;
        var now = time.GetUtcNow();
        if (!SessionEnding.IsUsable(session, limits, now) || Unprotect(session.Ticket) is not { } ticket)
            return null;
        ticket.Properties.ExpiresUtc = session.StartedAt + limits.Absolute;
        // A hub's own traffic (long polling, reconnects) is not the person doing anything; their clicks count in the circuit.
        if (SessionLifetime.ShouldTouch(session.LastSeenAt, now) && !IsHubTraffic(httpContext))
            await ledger.TouchAsync(id, cancellationToken);
        return ticket;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
            return;
        SessionClaims.Carry(ticket.Principal, id);
        var userId = SessionStart.From(ticket.Principal, null).UserId;
        await ledger.RenewAsync(id, userId, Protect(ticket), cancellationToken);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
            return;
        var reason = httpContext?.Items[EndReasonItem] as string ?? SessionEndReason.AccountChanged;
        // Not the request's token: a sign-out must not be left half done because the browser went away.
        await ledger.EndAsync(id, reason, actor: null, CancellationToken.None);
    }

    static bool IsHubTraffic(HttpContext? http) => http is not null && HubOrigin.HubPaths.Any(p => http.Request.Path.StartsWithSegments(p));

    byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    AuthenticationTicket? Unprotect(byte[] stored)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(stored));
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            // Keys another instance cannot read (another certificate): the session is unusable here, not an error page.
            log.LogWarning("A stored session could not be read: {Reason}", ex.Message);
            return null;
        }
    }
}
