using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Identity;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Identity.Sessions;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Tests.Integration.Sessions.SessionRequests;

namespace OpsConsole.Tests.Integration.Sessions;

/// <summary>The cookie carries only a session id: once the session ends, every copy of the cookie opens nothing.</summary>
[Trait("Category", "Integration")]
public sealed class SignOutTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    OpsAppFactory app = null!;

    public Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString);
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task After_sign_out_the_old_cookie_gets_the_sign_in_page_no_export_and_no_circuit()
    {
        var cookie = await app.SignInAsync("viewer@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/audit", cookie)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/audit/export.csv", cookie)).Status);
        Assert.Equal(HttpStatusCode.OK, await NegotiateCircuitAsync(app, cookie));

        using var signedOut = await app.SignOutAsync(cookie);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.True(IsSignInPage(await GetAsync(app, "/audit", cookie)));
        Assert.True(IsSignInPage(await GetAsync(app, "/audit/export.csv", cookie)));
        Assert.NotEqual(HttpStatusCode.OK, await NegotiateCircuitAsync(app, cookie));
    }

    [Fact]
    public async Task A_sign_in_starts_a_session_and_sign_out_ends_it_each_on_the_audit_trail()
    {
        var cookie = await app.SignInAsync("operator@demo.local");
        await using var db = fixture.CreateContext();
        var operatorId = await db.Users.Where(u => u.Email == "operator@demo.local").Select(u => u.Id).SingleAsync();
        var session = await db.UserSessions.AsNoTracking().Where(s => s.UserId == operatorId).OrderByDescending(s => s.StartedAt).FirstAsync();

        using var _ = await app.SignOutAsync(cookie);

        var ended = await db.UserSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id);
        Assert.Equal((SessionEndReason.SignedOut, "operator@demo.local"), (ended.EndReason, ended.EndedBy));
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == SessionActions.SubjectType && e.SubjectId == session.Id.ToString("N")).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([SessionActions.Started, SessionActions.Ended], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("operator@demo.local", e.Actor));
        Assert.Equal(SessionEndReason.SignedOut, (string?)events[1].Details["reason"]);
    }

    [Fact]
    public async Task The_cookie_holds_the_session_id_only_and_the_ticket_is_stored_protected()
    {
        var cookie = await app.SignInAsync("manager@demo.local");
        await using var db = fixture.CreateContext();
        var managerId = await db.Users.Where(u => u.Email == "manager@demo.local").Select(u => u.Id).SingleAsync();
        var session = await db.UserSessions.AsNoTracking().Where(s => s.UserId == managerId).OrderByDescending(s => s.StartedAt).FirstAsync();

        var value = Uri.UnescapeDataString(cookie.Split("; ").Single(c => c.StartsWith("ops.auth=", StringComparison.Ordinal))["ops.auth=".Length..]);
        var format = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var carried = format.Unprotect(value)!.Principal.Claims.Select(c => (c.Type, c.Value)).ToList();

        Assert.Equal([("Microsoft.AspNetCore.Authentication.Cookies-SessionId", session.Id.ToString("N"))], carried);
        Assert.DoesNotContain("manager@demo.local", System.Text.Encoding.Latin1.GetString(session.Ticket));
    }
}
