using Bunit;
using OpsConsole.Components.Layout;
using OpsConsole.Features.Identity;

namespace OpsConsole.Tests.Components.Layout;

[Trait("Category", "Component")]
public class NavMenuTests : ShellContext
{
    [Theory]
    [InlineData(Roles.Admin, "Overview,Approvals,Alerts,Funding,Alert wall,Dead letters,Audit,System,Users,SLA policies,Pack routing")]
    [InlineData(Roles.Viewer, "Overview,Approvals,Alerts,Funding,Alert wall,Dead letters,Audit,System")]
    [InlineData(Roles.Remediator, "Overview,Alerts,Funding,Alert wall,Dead letters,Audit")]
    [InlineData(Roles.Manager, "Overview,Approvals,Alerts,Funding,Alert wall,Audit")]
    [InlineData(Roles.Operator, "Overview,Approvals,Alerts,Funding,Alert wall")]
    public void Shows_the_links_that_the_role_may_open(string role, string expected)
    {
        SignIn("someone@ops.test", "Someone", role);

        var cut = Render<NavMenu>();

        Assert.Equal(expected.Split(','), cut.FindAll("a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Links_point_at_the_documented_routes()
    {
        SignIn("admin@ops.test", "Ada Admin", Roles.Admin);

        var cut = Render<NavMenu>();

        Assert.Equal(["/", "/approvals", "/alerts", "/funding", "/wall", "/dead-letters", "/audit", "/system", "/users", "/admin/sla-policies", "/pack-routing"], cut.FindAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_dead_letters_link_shows_how_many_wait_and_nothing_when_none_do()
    {
        SignIn("remy@ops.test", "Remy Remediator", Roles.Remediator);
        DeadLetterCount.Count = 0;
        Assert.Empty(Render<NavMenu>().FindAll("[data-testid=dead-letter-count]"));

        DeadLetterCount.Count = 3;
        var cut = Render<NavMenu>();

        Assert.Equal("3 unresolved", cut.Find("[data-testid=dead-letter-count]").TextContent.Trim());
    }
}
