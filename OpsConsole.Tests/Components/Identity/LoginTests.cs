using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Identity.Pages;
using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Components.Identity;

[Trait("Category", "Component")]
public class LoginTests : BunitContext
{
    public LoginTests()
    {
        // The real Identity registration; no database is reached because nothing valid is submitted.
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = "Host=127.0.0.1;Port=1;Database=unused",
        }).Build();
        Services.AddOpsDatabase(config);
        Services.AddHttpContextAccessor();
        Services.AddIdentityFeature(config);
        // Nobody is signed in on the sign-in page; the circuit's session watcher needs the whole app.
        AddAuthorization();
    }

    [Fact]
    public void Shows_labelled_email_and_password_fields_and_a_sign_in_button()
    {
        var cut = Render<Login>();

        Assert.Equal("username", cut.Find("input#email").GetAttribute("autocomplete"));
        Assert.Equal("Email", cut.Find("label[for=email]").TextContent.Trim());
        Assert.Equal("Password", cut.Find("label[for=password]").TextContent.Trim());
        Assert.Equal("password", cut.Find("#password").GetAttribute("type"));
        Assert.Equal("Sign in", cut.Find("button[type=submit]").TextContent.Trim());
        Assert.Empty(cut.FindAll(".validation-message"));
    }

    [Fact]
    public void Submitting_empty_asks_for_both_fields()
    {
        var cut = Render<Login>();

        cut.Find("form").Submit();

        var messages = cut.FindAll(".validation-message").Select(m => m.TextContent.Trim()).ToList();
        Assert.Equal(["The Email field is required.", "The Password field is required."], messages);
    }

    [Fact]
    public void A_malformed_email_is_pointed_out_before_any_sign_in_attempt()
    {
        var cut = Render<Login>();

        cut.Find("#email").Change("not-an-email");
        cut.Find("#password").Change("anything");
        cut.Find("form").Submit();

        Assert.Equal(["The Email field is not a valid e-mail address."], cut.FindAll(".validation-message").Select(m => m.TextContent.Trim()));
    }
}
