using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Approvals.Pages;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.Approvals;

namespace OpsConsole.Tests.Components.Approvals;

[Trait("Category", "Component")]
public class NewMintRequestPageTests : ApprovalPagesContext
{
    const string Destination = "GA5URGZFSFZVLKSKK55UK4QW45HWTRAF74C46KV25JYJKXXEQFU56QC4";

    async Task<IRenderedComponent<IComponent>> OpenAsync()
    {
        SignInAs(OperatorEmail, Roles.Operator, Treasury);
        await using (var db = Db())
            await ApprovalUsers.EnsureDepartmentAsync(db, Treasury);
        var page = RenderInShell<NewMintRequestPage>();
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=submit-request]"), Patience);
        return page;
    }

    static Task FillAsync(IRenderedComponent<IComponent> page, string field, string value) =>
        page.Find($"input[data-testid=field-{field}]").ChangeAsync(new() { Value = value });

    // MudBlazor puts the test id on the input itself; its error text sits in the same input control.
    static string? ErrorUnder(IRenderedComponent<IComponent> page, string field) =>
        page.Find($"input[data-testid=field-{field}]").Closest(".mud-input-control")!
            .QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    async Task<int> StoredAsync()
    {
        await using var db = Db();
        return await db.ApprovalRequests.CountAsync();
    }

    [Fact]
    public async Task Invalid_input_shows_the_APIs_error_under_each_field_and_stores_nothing()
    {
        var page = await OpenAsync();
        await FillAsync(page, "asset-code", "TOO-LONG-CODE!");
        await FillAsync(page, "issuer", "GNOTANACCOUNT");
        await FillAsync(page, "destination", Destination);
        await FillAsync(page, "amount", "1.123456789");
        await FillAsync(page, "memo", new string('m', 29));

        await page.Find("[data-testid=submit-request]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Equal("A title is required.", ErrorUnder(page, "title")), Patience);
        Assert.Equal("The asset code must be 1 to 12 letters or digits.", ErrorUnder(page, "asset-code"));
        Assert.Equal("The issuer must be a valid Stellar account id (G…, 56 characters).", ErrorUnder(page, "issuer"));
        Assert.Null(ErrorUnder(page, "destination"));
        Assert.Equal("The amount must have at most 7 decimals.", ErrorUnder(page, "amount"));
        Assert.Equal("The memo must be at most 28 bytes in UTF-8.", ErrorUnder(page, "memo"));
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task An_amount_that_is_not_a_number_is_refused_as_the_API_refuses_it()
    {
        var page = await OpenAsync();
        await FillAsync(page, "amount", "12,5");

        await page.Find("[data-testid=submit-request]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Equal("The amount must be a decimal string such as \"125.50\".", ErrorUnder(page, "amount")), Patience);
        Assert.Equal("A title is required.", ErrorUnder(page, "title"));
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task Valid_input_creates_the_request_for_the_signed_in_user_and_opens_it()
    {
        var page = await OpenAsync();
        await FillAsync(page, "title", "Mint for partner desk");
        await FillAsync(page, "asset-code", "EURE");
        await FillAsync(page, "issuer", ApprovalHarness.Issuer);
        await FillAsync(page, "destination", Destination);
        await FillAsync(page, "amount", "125.50");
        await FillAsync(page, "memo", "invoice 7");

        await page.Find("[data-testid=submit-request]").ClickAsync(new());

        var navigation = Services.GetRequiredService<NavigationManager>();
        await page.WaitForAssertionAsync(() => Assert.Matches("/approvals/[0-9a-f-]{36}$", navigation.Uri), Patience);
        var created = await ReadAsync(Guid.Parse(navigation.Uri[^36..]));
        Assert.Equal(("Mint for partner desk", Treasury, OperatorEmail), (created.Title, created.Department, created.RequestedBy));
        var mint = Assert.IsType<OpsConsole.Domain.Approvals.MintPayload>(created.Payload);
        Assert.Equal(("EURE", ApprovalHarness.Issuer, Destination, 125.50m, "invoice 7"), (mint.AssetCode, mint.Issuer, mint.Destination, mint.Amount, mint.Memo));
        Assert.Equal(1, await StoredAsync());
    }
}
