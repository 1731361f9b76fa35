using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using OpsConsole.Domain.Identity;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>
/// Counts what a person does in an open circuit (clicks, typing) as activity of their session, which otherwise sees
/// no requests while the page stays open; at most one write a minute per circuit.
/// </summary>
sealed class SessionActivity(AuthenticationStateProvider auth, SessionLedger ledger, TimeProvider time, ILogger<SessionActivity> log)
    : CircuitHandler
{
    DateTimeOffset lastTouched = DateTimeOffset.MinValue;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var now = time.GetUtcNow();
            if (SessionLifetime.ShouldTouch(lastTouched, now))
            {
                lastTouched = now;
                await TouchAsync();
            }
            await next(context);
        };

    async Task TouchAsync()
    {
        try
        {
            if (SessionClaims.SessionOf((await auth.GetAuthenticationStateAsync()).User) is { } id)
                await ledger.TouchAsync(id);
        }
        catch (Exception ex)
        {
            // Activity not recorded is a minute less of idle time at worst; the click itself must go through.
            log.LogWarning(ex, "Activity in an open circuit could not be recorded on its session");
        }
    }
}
