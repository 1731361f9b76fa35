using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Identity;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Identity.Sessions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>A session's start and end each leave one event on the session; activity and fresher claims leave none.</summary>
[Trait("Category", "Integration")]
public sealed class SessionChangesAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    OpsAppFactory app = null!;

    public Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString);
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    Task<List<string>> ActionsAsync(Guid session) =>
        AuditCounts.ActionsAsync(fixture.ConnectionString, SessionActions.SubjectType, session.ToString("N"));

    async Task<string> UserIdAsync(string email)
    {
        await using var db = fixture.CreateContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    async Task<Guid> StartAsync(string email)
    {
        var userId = await UserIdAsync(email);
        var id = Guid.NewGuid();
        await app.Services.GetRequiredService<SessionLedger>().StartAsync(id, new SessionStart(userId, email, "127.0.0.1", "test"), [1, 2, 3]);
        return id;
    }

    [Fact]
    public async Task Starting_and_ending_a_session_leave_one_event_each_and_activity_or_fresher_claims_none()
    {
        var ledger = app.Services.GetRequiredService<SessionLedger>();
        var userId = await UserIdAsync("viewer@demo.local");
        var id = await StartAsync("viewer@demo.local");

        await ledger.TouchAsync(id);
        await ledger.RenewAsync(id, userId, [4, 5, 6]);
        Assert.True(await ledger.EndAsync(id, SessionEndReason.SignedOut, actor: null));
        Assert.False(await ledger.EndAsync(id, SessionEndReason.SignedOut, actor: null));

        Assert.Equal([SessionActions.Started, SessionActions.Ended], await ActionsAsync(id));
        await using var db = fixture.CreateContext();
        Assert.Equal([4, 5, 6], (await db.UserSessions.AsNoTracking().SingleAsync(s => s.Id == id)).Ticket);
    }

    [Fact]
    public async Task Ending_others_one_or_all_leaves_one_event_per_session_ended()
    {
        var sessions = app.Services.GetRequiredService<UserSessions>();
        var current = await StartAsync("remediator@demo.local");
        var other = await StartAsync("remediator@demo.local");
        var third = await StartAsync("remediator@demo.local");
        var me = await app.PrincipalAsync("remediator@demo.local", current);
        var admin = await app.PrincipalAsync("admin@demo.local");
        var userId = await UserIdAsync("remediator@demo.local");

        Assert.Equal(2, await sessions.SignOutOthersAsync(me));
        Assert.Equal(0, await sessions.SignOutOthersAsync(me));
        Assert.Equal(1, await sessions.EndAsync(admin, current));
        Assert.Equal(0, await sessions.EndAllAsync(admin, userId));

        Assert.Equal([SessionActions.Started, SessionActions.Ended], await ActionsAsync(current));
        Assert.Equal([SessionActions.Started, SessionActions.Ended], await ActionsAsync(other));
        Assert.Equal([SessionActions.Started, SessionActions.Ended], await ActionsAsync(third));
    }

    [Fact]
    public async Task A_purge_of_sessions_over_for_a_week_leaves_one_event_and_keeps_the_rest()
    {
        var userId = await UserIdAsync("top@demo.local");
        var now = DateTimeOffset.UtcNow;
        UserSession Row(DateTimeOffset started, DateTimeOffset lastSeen, DateTimeOffset? ended) =>
            new() { Id = Guid.NewGuid(), UserId = userId, StartedAt = started, LastSeenAt = lastSeen, EndedAt = ended, Ticket = [0] };
        var rows = new[]
        {
            Row(now.AddDays(-9), now.AddDays(-9), now.AddDays(-8)),
            Row(now.AddDays(-9), now.AddDays(-8), null),
            Row(now.AddDays(-8), now.AddDays(-8), now.AddDays(-1)),
            Row(now.AddMinutes(-5), now.AddMinutes(-1), null),
        };
        await using (var db = fixture.CreateContext())
        {
            db.UserSessions.AddRange(rows);
            await db.SaveChangesAsync();
        }
        var purge = app.Services.GetRequiredService<SessionPurge>();

        Assert.Equal(2, await purge.PurgeAsync());
        Assert.Equal(0, await purge.PurgeAsync());

        await using var read = fixture.CreateContext();
        Assert.Equal(new[] { rows[2].Id, rows[3].Id }.Order(), (await read.UserSessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync()).Order());
        Assert.Equal([SessionActions.Purged], await AuditCounts.ActionsAsync(fixture.ConnectionString, SessionActions.SubjectType, "retention"));
    }
}
