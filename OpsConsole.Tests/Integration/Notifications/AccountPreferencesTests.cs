using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Calendars;
using OpsConsole.Features.Audit;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Notifications;

[Trait("Category", "Integration")]
public sealed class AccountPreferencesTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    static readonly QuietHoursSetting Night = new("America/New_York", new TimeOnly(22, 0), new TimeOnly(7, 0), true);

    readonly ServiceProvider services = Services(fixture);

    static ServiceProvider Services(DatabaseFixture fixture)
    {
        var (services, config) = TestHost.Core(fixture.ConnectionString, new FakeTimeProvider(Now));
        return TestHost.Build(services.AddNotifications(config));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await services.DisposeAsync();

    AccountPreferences Preferences() => services.GetRequiredService<AccountPreferences>();

    /// <summary>A user with an account, and the principal their sign-in cookie would carry.</summary>
    async Task<(OpsUser User, ClaimsPrincipal Principal)> UserAsync(string email)
    {
        var user = new OpsUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant() };
        await using (var db = fixture.CreateContext())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Email, email)], "test"));
        return (user, principal);
    }

    async Task<List<OpsConsole.Domain.Audit.AuditEvent>> AuditAsync(string email)
    {
        await using var db = fixture.CreateContext();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Action == AccountPreferences.ChangedAction && e.SubjectId == email)
            .OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Someone_without_preferences_sees_quiet_hours_off()
    {
        var (_, principal) = await UserAsync("fresh@ops.test");

        Assert.Equal(QuietHoursSetting.Default, await Preferences().ReadAsync(principal));
    }

    [Fact]
    public async Task Saved_preferences_are_stored_for_that_user_and_audited_with_before_and_after()
    {
        var (user, principal) = await UserAsync("owl@ops.test");
        var preferences = Preferences();

        Assert.Empty(await preferences.SaveAsync(principal, Night with { TimeZoneId = " America/New_York " }));

        Assert.Equal(Night, await preferences.ReadAsync(principal));
        await using (var db = fixture.CreateContext())
        {
            var row = await db.UserPreferences.AsNoTracking().SingleAsync(p => p.UserId == user.Id);
            Assert.Equal(("America/New_York", true, Now), (row.TimeZoneId, row.QuietHoursEnabled, row.UpdatedAt));
        }
        var e = Assert.Single(await AuditAsync("owl@ops.test"));
        Assert.Equal(("owl@ops.test", "user"), (e.Actor, e.SubjectType));
        Assert.Equal("UTC", e.Details[QuietHoursRules.TimeZoneField]!["before"]!.GetValue<string>());
        Assert.Equal("America/New_York", e.Details[QuietHoursRules.TimeZoneField]!["after"]!.GetValue<string>());
        Assert.Equal("on", e.Details["quietHoursEnabled"]!["after"]!.GetValue<string>());
        Assert.Null(e.Details[QuietHoursRules.StartField]);
    }

    [Fact]
    public async Task Saving_the_same_again_writes_no_second_audit_event()
    {
        var (_, principal) = await UserAsync("same@ops.test");
        var preferences = Preferences();
        Assert.Empty(await preferences.SaveAsync(principal, Night));

        Assert.Empty(await preferences.SaveAsync(principal, Night));

        Assert.Single(await AuditAsync("same@ops.test"));
    }

    [Fact]
    public async Task An_unknown_zone_or_an_empty_window_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var (user, principal) = await UserAsync("typo@ops.test");
        var preferences = Preferences();

        var errors = await preferences.SaveAsync(principal, Night with { TimeZoneId = "Europe/Atlantis", End = Night.Start });

        Assert.Equal([QuietHoursRules.TimeZoneField, QuietHoursRules.EndField], errors.Select(e => e.Field));
        await using var db = fixture.CreateContext();
        Assert.False(await db.UserPreferences.AnyAsync(p => p.UserId == user.Id));
        Assert.Empty(await AuditAsync("typo@ops.test"));
    }
}
