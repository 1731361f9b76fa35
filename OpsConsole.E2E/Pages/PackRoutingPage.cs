using Microsoft.Playwright;

namespace OpsConsole.E2E.Pages;

/// <summary>/pack-routing: the routing rules of Task Runner events, Admin only; the rule dialog's fields by label.</summary>
public sealed class PackRoutingPage(IPage page)
{
    public async Task GotoAsync()
    {
        await page.GotoAsync("/pack-routing");
        await new ShellPage(page).WaitUntilInteractiveAsync();
    }

    public ILocator Rules => page.GetByTestId("pack-routing-rules");
    public ILocator NewRule => page.GetByRole(AriaRole.Button, new() { Name = "New rule", Exact = true });
    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);
    public ILocator Field(string label) => Dialog.GetByLabel(label, new() { Exact = true });
    public ILocator Save => Dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true });
    public ILocator RuleButton(string action, string tenant) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"{action} the approval requested rule for {tenant} at order 10", Exact = true });
}
