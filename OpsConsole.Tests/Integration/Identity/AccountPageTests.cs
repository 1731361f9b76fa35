using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Identity.Pages;
using OpsConsole.Features.Identity.Sessions;
using OpsConsole.Tests.Components;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Identity;

/// <summary>/account rendered by bunit over the real session services and database.</summary>
[Trait("Category", "Integration")]
public class AccountPageTests(DatabaseFixture fixture) : ShellContext, IClassFixture<DatabaseFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Shows_where_you_are_signed_in_and_signs_out_every_other_session()
    {
        await using var harness = await IdentityHarness.StartAsync(fixture.ConnectionString);
        var remy = await harness.AddUserAsync("remy-account@ops.test", Roles.Remediator);
        var ledger = harness.Services.GetRequiredService<SessionLedger>();
        string[] agents = ["This very browser", "Phone browser", "Old laptop browser"];
        var sessions = agents.Select(_ => Guid.NewGuid()).ToList();
        foreach (var (id, agent) in sessions.Zip(agents))
            await ledger.StartAsync(id, new SessionStart(remy.Id, remy.Email!, "10.1.2.3", agent), [0]);
        Services.AddSingleton(harness.Services.GetRequiredService<UserSessions>());
        SignIn(remy.Email!, "Remy", [Roles.Remediator], new Claim(ClaimTypes.NameIdentifier, remy.Id),
            new Claim(ClaimTypes.Email, remy.Email!), new Claim(SessionClaims.SessionId, sessions[0].ToString("N")));

        var page = Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudSnackbarProvider>(1);
            b.CloseComponent();
            b.OpenComponent<AccountPage>(2);
            b.CloseComponent();
        });

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count), Patience);
        Assert.Contains("This session", page.FindAll("tbody tr")[0].TextContent);
        Assert.Contains("This very browser", page.FindAll("tbody tr")[0].TextContent);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Sign out other sessions").Click();

        page.WaitForAssertion(() => Assert.Contains("Signed out 2 other sessions.", page.Markup), Patience);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")), Patience);
        Assert.True(page.FindAll("button").Single(b => b.TextContent.Trim() == "Sign out other sessions").HasAttribute("disabled"));
    }
}
