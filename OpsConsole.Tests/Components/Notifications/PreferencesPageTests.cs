using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using OpsConsole.Features.Audit;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.Notifications.Pages;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Components.Notifications;

/// <summary>The preferences page over the real service and this context's database, for a signed-in Operator.</summary>
[Trait("Category", "Component")]
public class PreferencesPageTests : DatabaseShellContext
{
    const string Email = "owl@ops.test";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    // 09:00 UTC: 04:00 in New York.
    static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public PreferencesPageTests()
    {
        var clock = new FakeTimeProvider(Now);
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddSingleton<AccountPreferences>();
    }

    OpsDbContext Db()
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, ConnectionString);
        return new OpsDbContext(options.Options);
    }

    /// <summary>An account in this context's database, signed in as an Operator.</summary>
    async Task<string> SignInWithAccountAsync()
    {
        var user = new OpsUser { UserName = Email, NormalizedUserName = Email.ToUpperInvariant(), Email = Email, NormalizedEmail = Email.ToUpperInvariant() };
        await using (var db = Db())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
        SignIn(Email, "Olive Owl", [Roles.Operator], new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Email, Email));
        return user.Id;
    }

    IRenderedComponent<IComponent> Open() => Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<MudSnackbarProvider>(1);
        b.CloseComponent();
        b.OpenComponent<PreferencesPage>(2);
        b.CloseComponent();
    });

    static AngleSharp.Dom.IElement Input(IRenderedComponent<IComponent> page, string label) =>
        page.Find("#" + page.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for"));

    static void Save(IRenderedComponent<IComponent> page) => page.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

    [Fact]
    public async Task Quiet_hours_are_saved_for_the_signed_in_user_audited_and_shown_again()
    {
        var userId = await SignInWithAccountAsync();
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal("UTC", Input(page, "Time zone").GetAttribute("value")), Patience);

        Input(page, "Time zone").Change("America/New_York");
        page.Find("input[type=checkbox]").Change(true);
        Input(page, "Quiet from").Change("21:30");
        Input(page, "Quiet until").Change("06:45");
        page.WaitForAssertion(() => Assert.Equal("06:45", Input(page, "Quiet until").GetAttribute("value")), Patience);
        Save(page);

        page.WaitForAssertion(() => Assert.Contains("Saved your preferences.", page.Markup), Patience);
        Assert.Contains("It is now 04:00 in America/New_York.", page.Markup);
        await using (var db = Db())
        {
            var row = await db.UserPreferences.AsNoTracking().SingleAsync(p => p.UserId == userId);
            Assert.Equal(("America/New_York", new TimeOnly(21, 30), new TimeOnly(6, 45), true),
                (row.TimeZoneId, row.QuietStart, row.QuietEnd, row.QuietHoursEnabled));
            var e = await db.AuditEvents.AsNoTracking().SingleAsync(a => a.Action == AccountPreferences.ChangedAction);
            Assert.Equal((Email, Email), (e.Actor, e.SubjectId));
        }
        await DisposeComponentsAsync();
        var reopened = Open();
        reopened.WaitForAssertion(() => Assert.Equal("America/New_York", Input(reopened, "Time zone").GetAttribute("value")), Patience);
        Assert.Equal("21:30", Input(reopened, "Quiet from").GetAttribute("value"));
    }

    [Fact]
    public async Task An_unknown_zone_and_an_empty_window_are_shown_under_their_fields_and_nothing_is_saved()
    {
        await SignInWithAccountAsync();
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal("UTC", Input(page, "Time zone").GetAttribute("value")), Patience);

        Input(page, "Time zone").Change("Europe/Atlantis");
        page.Find("input[type=checkbox]").Change(true);
        Input(page, "Quiet from").Change("07:00");
        Input(page, "Quiet until").Change("07:00");
        page.WaitForAssertion(() => Assert.Equal("07:00", Input(page, "Quiet until").GetAttribute("value")), Patience);
        Save(page);

        page.WaitForAssertion(() => Assert.Equal(
            [
                "'Europe/Atlantis' is not a known IANA time zone; use a name such as Europe/Berlin or America/New_York.",
                "Quiet hours must end at a different time than they start.",
            ],
            page.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim())), Patience);
        await using var db = Db();
        Assert.False(await db.UserPreferences.AnyAsync());
    }
}
