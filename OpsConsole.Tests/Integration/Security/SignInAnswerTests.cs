using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Identity.SignIn;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Security;

/// <summary>Refused sign-ins all look alike, and no number of wrong passwords locks an account.</summary>
[Trait("Category", "Integration")]
public sealed partial class SignInAnswerTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    OpsAppFactory app = null!;

    public Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString, new Dictionary<string, string?>
        {
            [SignInLimitSettings.PerAccountSetting] = "1000",
            [SignInLimitSettings.PerAddressSetting] = "1000",
        });
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<(HttpStatusCode Status, string Alert, bool SignedIn)> TryAsync(string email, string password)
    {
        var cookies = new System.Net.CookieContainer();
        using var client = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var response = await OpsAppFactory.PostSignInAsync(client, email, password);
        var page = await response.Content.ReadAsStringAsync();
        var alert = Alert().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value.Trim()) : "";
        return (response.StatusCode, alert, cookies.GetCookieHeader(client.BaseAddress!).Contains("ops.auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_email_wrong_password_and_disabled_account_get_the_same_answer()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
            var admin = await app.PrincipalAsync("admin@demo.local");
            var viewer = (await directory.ListAsync(admin)).Single(u => u.Email == "viewer@demo.local");
            Assert.True((await directory.DisableAsync(admin, viewer.Id)).Succeeded);
        }

        var answers = new[]
        {
            await TryAsync("nobody@demo.local", "Demo-pass-1"),
            await TryAsync("manager@demo.local", "Not-the-password-1"),
            await TryAsync("viewer@demo.local", "Demo-pass-1"),
        };

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, PasswordSignIn.Refusal, false), a));
    }

    [Fact]
    public async Task Many_wrong_passwords_do_not_lock_the_account()
    {
        for (var i = 0; i < 12; i++)
            Assert.False((await TryAsync("operator@demo.local", $"Wrong-guess-{i}")).SignedIn);

        Assert.True((await TryAsync("operator@demo.local", "Demo-pass-1")).SignedIn);
        await using var db = fixture.CreateContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "operator@demo.local");
        Assert.Equal((0, null), (user.AccessFailedCount, user.LockoutEnd));
    }

    [GeneratedRegex(@"<div class=""login-error"" role=""alert"">([^<]*)</div>")]
    private static partial Regex Alert();
}
