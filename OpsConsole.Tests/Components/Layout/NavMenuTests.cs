using Bunit;
using OpsConsole.Components.Layout;
using OpsConsole.Features.Identity;

namespace OpsConsole.Tests.Components.Layout;

[Trait("Category", "Component")]
public class NavMenuTests : ShellContext
{
    [Theory]
    [InlineData(Roles.Admin, "Overview,Approvals,Dead letters,Audit,System,Users")]
    [InlineData(Roles.Viewer, "Overview,Approvals,Dead letters,Audit,System")]
    [InlineData(Roles.Remediator, "Overview,Dead letters,Audit")]
    [InlineData(Roles.Manager, "Overview,Approvals,Audit")]
    [InlineData(Roles.Operator, "Overview,Approvals")]
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

        Assert.Equal(["/", "/approvals", "/dead-letters", "/audit", "/system", "/users"], cut.FindAll("a").Select(a => a.GetAttribute("href")));
    }
}
