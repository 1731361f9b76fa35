using Microsoft.Playwright;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Accessibility;

/// <summary>An Admin adds, sees refused and deletes a pack routing rule with the keyboard alone; each problem is named
/// under its field.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class PackRoutingKeyboardTests(ConsoleApp app, Chromium chromium)
{
    [Fact]
    public async Task Admin_adds_and_deletes_a_routing_rule_by_keyboard_and_bad_input_is_named_by_field()
    {
        // A tenant of its own: no event of the demo's tenant matches this rule.
        var tenant = $"kbd-{Guid.NewGuid():N}"[..12];
        await using var session = await chromium.OpenAsync(app, DemoUser.Admin, nameof(Admin_adds_and_deletes_a_routing_rule_by_keyboard_and_bad_input_is_named_by_field));
        var keys = new KeyboardOnly(session.Page);
        var routing = new PackRoutingPage(session.Page);
        await routing.GotoAsync();

        await keys.TabToAsync(routing.NewRule);
        await keys.PressAsync("Enter");
        await Expect(routing.Dialog).ToBeVisibleAsync();
        await keys.TabToAsync(routing.Field("Tenant"));
        await keys.TypeAsync("not a tenant!");
        await keys.TabToAsync(routing.Save);
        await keys.PressAsync("Enter");

        await Expect(routing.Dialog.GetByText("Tenant 'not a tenant!' is not a tenant id", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(routing.Dialog.GetByText("Roles or departments: choose at least one role or one department to notify.")).ToBeVisibleAsync();

        await keys.TabToAsync(routing.Field("Tenant"));
        await keys.PressAsync("Control+a");
        await keys.TypeAsync(tenant);
        // A select opens with Enter; the arrow keys move through its options, Enter picks one, Escape closes it.
        await keys.TabToAsync(routing.Field("Departments"));
        await keys.PressAsync("Enter");
        await Expect(session.Page.GetByRole(AriaRole.Option, new() { Name = "Treasury" })).ToBeVisibleAsync();
        await keys.PressAsync("ArrowDown");
        await keys.PressAsync("Enter");
        // The pick has been made (the field shows it) while the list is open, so Escape closes the list, not the dialog.
        await Expect(routing.Field("Departments")).Not.ToHaveValueAsync("");
        await keys.PressAsync("Escape");
        await Expect(session.Page.GetByRole(AriaRole.Option, new() { Name = "Treasury" })).ToBeHiddenAsync();
        await Expect(routing.Dialog).ToBeVisibleAsync();
        var department = await routing.Field("Departments").InputValueAsync();
        await keys.TabToAsync(routing.Save);
        await keys.PressAsync("Enter");

        await Expect(routing.Dialog).ToBeHiddenAsync();
        var row = routing.Rules.Locator("tr").Filter(new() { HasText = tenant });
        await Expect(row).ToContainTextAsync($"Everyone in {department}");

        await keys.TabToAsync(routing.RuleButton("Delete", tenant));
        await keys.PressAsync("Enter");
        await keys.TabToAsync(session.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }));
        await keys.PressAsync("Enter");
        await Expect(row).ToHaveCountAsync(0);
    }
}
