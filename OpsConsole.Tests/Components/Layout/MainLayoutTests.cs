using Bunit;
using Microsoft.AspNetCore.Components;
using OpsConsole.Components.Layout;
using OpsConsole.Features.Identity;

namespace OpsConsole.Tests.Components.Layout;

[Trait("Category", "Component")]
public class MainLayoutTests : ShellContext
{
    IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "The page itself"))));

    [Fact]
    public void Viewer_sees_audit_but_not_users()
    {
        SignIn("viewer@ops.test", "Vic Viewer", Roles.Viewer);

        var cut = RenderLayout();

        var links = cut.FindAll(".mud-navmenu a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Audit", links);
        Assert.DoesNotContain("Users", links);
        Assert.Contains("The page itself", cut.Markup);
    }

    [Fact]
    public void Admin_sees_users()
    {
        SignIn("admin@ops.test", "Ada Admin", Roles.Admin);

        var cut = RenderLayout();

        Assert.Contains("Users", cut.FindAll(".mud-navmenu a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void User_badge_shows_the_display_name_and_a_sign_out_form()
    {
        SignIn("manager@ops.test", "Max Manager", Roles.Manager);

        var cut = RenderLayout();

        Assert.Equal("Max Manager", cut.Find("[data-testid=current-user]").TextContent.Trim());
        var form = cut.Find("form[action='/logout']");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("Sign out", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
    }

    [Fact]
    public void User_badge_links_to_the_users_own_preferences_and_sessions()
    {
        SignIn("operator@ops.test", "Olive Operator", Roles.Operator);

        var cut = RenderLayout();

        Assert.Equal("/account/preferences", cut.Find("a[aria-label=Preferences]").GetAttribute("href"));
        Assert.Equal("/account", cut.Find("a[aria-label='Account and sessions']").GetAttribute("href"));
    }
}
