using Microsoft.Playwright;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Accessibility;

/// <summary>The daily work done with the keyboard alone: approve, reject with its reason and escalate, from the inbox
/// and from the request page; remediate a dead letter; acknowledge an alert; and dialogs that keep focus inside and
/// give it back.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class KeyboardTests(ConsoleApp app, Chromium chromium)
{
    [Fact]
    public async Task Operator_approves_rejects_and_escalates_from_the_inbox_by_keyboard()
    {
        var marker = Marker();
        var (approve, reject, escalate) = ($"Approve me {marker}", $"Reject me {marker}", $"Escalate me {marker}");
        foreach (var title in new[] { approve, reject, escalate })
            await RaiseAsync(title);
        await using var session = await chromium.OpenAsync(app, DemoUser.Operator, nameof(Operator_approves_rejects_and_escalates_from_the_inbox_by_keyboard));
        var inbox = new ApprovalsPage(session.Page);
        var keys = new KeyboardOnly(session.Page);
        await inbox.GotoAsync($"?scope=All&q={marker}");

        await ConfirmAsync(keys, session.Page, RowButton(session.Page, "Approve", approve), "approved at the desk");
        await Expect(inbox.StatusOf(approve)).ToHaveTextAsync("Approved");

        await OpenDialogAsync(keys, session.Page, RowButton(session.Page, "Reject", reject));
        await ConfirmFromReasonAsync(keys, session.Page);
        await Expect(session.Page.GetByText("A reason is required to reject a request.")).ToBeVisibleAsync();
        await keys.TabToAsync(session.Page.GetByTestId("dialog-reason"));
        await keys.TypeAsync("no funding arrived");
        await keys.TabToAsync(session.Page.GetByTestId("dialog-confirm"));
        await keys.PressAsync("Enter");
        await Expect(inbox.StatusOf(reject)).ToHaveTextAsync("Rejected");

        await ConfirmAsync(keys, session.Page, RowButton(session.Page, "Escalate", escalate), "needs a manager");
        await Expect(inbox.RowTitled(escalate).Locator("td").Nth(3)).ToHaveTextAsync("2");
    }

    [Fact]
    public async Task Operator_approves_rejects_and_escalates_on_the_request_page_by_keyboard()
    {
        var marker = Marker();
        await using var session = await chromium.OpenAsync(app, DemoUser.Operator, nameof(Operator_approves_rejects_and_escalates_on_the_request_page_by_keyboard));
        var keys = new KeyboardOnly(session.Page);
        var request = new ApprovalRequestPage(session.Page);

        foreach (var (action, expectStatus, expectTier) in new[] { ("approve", "Approved", "Tier 1"), ("reject", "Rejected", "Tier 1"), ("escalate", "Pending", "Tier 2") })
        {
            var id = await RaiseAsync($"{action} on its page {marker}");
            await session.Page.GotoAsync($"/approvals/{id}");
            await new ShellPage(session.Page).WaitUntilInteractiveAsync();
            await ConfirmAsync(keys, session.Page, session.Page.GetByTestId($"action-{action}"), $"{action} by keyboard");
            await Expect(request.Status).ToHaveTextAsync(expectStatus);
            await Expect(request.Tier).ToHaveTextAsync(expectTier);
        }
    }

    [Fact]
    public async Task A_dialog_keeps_focus_inside_and_gives_it_back_on_Escape()
    {
        var title = $"Dialog focus {Marker()}";
        var id = await RaiseAsync(title);
        await using var session = await chromium.OpenAsync(app, DemoUser.Operator, nameof(A_dialog_keeps_focus_inside_and_gives_it_back_on_Escape));
        var keys = new KeyboardOnly(session.Page);
        await session.Page.GotoAsync($"/approvals/{id}");
        await new ShellPage(session.Page).WaitUntilInteractiveAsync();
        var reject = session.Page.GetByTestId("action-reject");

        await keys.TabToAsync(reject);
        await keys.PressAsync("Enter");
        var dialog = session.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("dialog-reason")).ToBeFocusedAsync();
        for (var i = 0; i < 8; i++)
        {
            await keys.PressAsync(i % 3 == 2 ? "Shift+Tab" : "Tab");
            Assert.True(await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)"),
                $"Focus left the dialog after {i + 1} presses, to {await keys.FocusedAsync()}");
        }
        await keys.PressAsync("Escape");

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(reject).ToBeFocusedAsync();
        await Expect(new ApprovalRequestPage(session.Page).Status).ToHaveTextAsync("Pending");
    }

    [Fact]
    public async Task Remediator_opens_and_resolves_a_dead_letter_by_keyboard()
    {
        await using var session = await chromium.OpenAsync(app, DemoUser.Remediator, nameof(Remediator_opens_and_resolves_a_dead_letter_by_keyboard));
        var keys = new KeyboardOnly(session.Page);
        await session.Page.GotoAsync("/dead-letters");
        await new ShellPage(session.Page).WaitUntilInteractiveAsync();
        var first = session.Page.GetByTestId("dead-letters").Locator("a[href^='/dead-letters/']").First;

        await keys.TabToAsync(first);
        await keys.PressAsync("Enter");
        await session.Page.WaitForURLAsync("**/dead-letters/*");
        await new ShellPage(session.Page).WaitUntilInteractiveAsync();
        await Expect(session.Page.GetByTestId("status")).ToHaveTextAsync("Unresolved");
        await keys.TabToAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }));
        await keys.PressAsync("Enter");
        await Expect(session.Page.GetByRole(AriaRole.Dialog).GetByLabel("Note: what was done (required)")).ToBeFocusedAsync();
        await keys.TypeAsync("Receiver was down; the partner confirmed by phone.");
        await keys.PressAsync("Tab");
        await keys.PressAsync("Tab");
        await keys.PressAsync("Enter");

        await Expect(session.Page.GetByTestId("status")).ToHaveTextAsync("Resolved");
    }

    [Fact]
    public async Task Operator_acknowledges_an_alert_by_keyboard()
    {
        // A failed trade on a pair of its own raises executor_submission_failed at the evaluator's next run.
        var pair = $"K{Marker()[..5].ToUpperInvariant()}/EUR";
        using (var machine = new DemoMachineClient(app.BaseUrl))
            await machine.SendAsync(HttpMethod.Post, "/api/ingest/trade-results",
                new { tradeId = $"keyboard-{Marker()}", pair, status = "failed", reason = "venue rejected the order", at = DateTimeOffset.UtcNow });
        await using var session = await chromium.OpenAsync(app, DemoUser.Operator, nameof(Operator_acknowledges_an_alert_by_keyboard));
        var keys = new KeyboardOnly(session.Page);
        await session.Page.GotoAsync("/alerts");
        await new ShellPage(session.Page).WaitUntilInteractiveAsync();
        var row = session.Page.GetByTestId("active-alerts").Locator("tr").Filter(new() { HasText = pair });
        // Arrives live, without a reload, once the evaluator (every 10 s) has run.
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 45_000 });

        await keys.TabToAsync(row.GetByTestId("acknowledge"));
        await keys.PressAsync("Enter");
        await Expect(session.Page.GetByRole(AriaRole.Dialog).GetByLabel("Note (optional)")).ToBeFocusedAsync();
        await keys.TypeAsync("venue contacted, retrying by hand");
        await keys.TabToAsync(session.Page.GetByTestId("acknowledge-confirm"));
        await keys.PressAsync("Enter");

        // A failed trade's alert is cleared by its acknowledgement: it leaves the active list for the history.
        await Expect(row).ToHaveCountAsync(0);
        var cleared = session.Page.GetByTestId("alert-history").Locator("tr").Filter(new() { HasText = pair })
            .Filter(new() { Has = session.Page.GetByTestId("history-status").GetByText("cleared") });
        await Expect(cleared).ToContainTextAsync($"Acknowledged by {DemoUser.Operator.Email}: venue contacted, retrying by hand");
    }

    /// <summary>Tab to the button, Enter, type into the dialog's field (focused on open) and confirm, all by keyboard.</summary>
    static async Task ConfirmAsync(KeyboardOnly keys, IPage page, ILocator button, string note)
    {
        await OpenDialogAsync(keys, page, button);
        await keys.TypeAsync(note);
        await ConfirmFromReasonAsync(keys, page);
    }

    // The dialog opens with its reason field focused, ready for typing.
    static async Task OpenDialogAsync(KeyboardOnly keys, IPage page, ILocator button)
    {
        await keys.TabToAsync(button);
        await keys.PressAsync("Enter");
        await Expect(page.GetByTestId("dialog-reason")).ToBeFocusedAsync();
    }

    // From the reason field: past Back to the confirm button, then Enter.
    static async Task ConfirmFromReasonAsync(KeyboardOnly keys, IPage page)
    {
        await keys.PressAsync("Tab");
        await keys.PressAsync("Tab");
        await Expect(page.GetByTestId("dialog-confirm")).ToBeFocusedAsync();
        await keys.PressAsync("Enter");
    }

    static ILocator RowButton(IPage page, string action, string title) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"{action} {title}", Exact = true });

    static string Marker() => Guid.NewGuid().ToString("N")[..8];

    async Task<string> RaiseAsync(string title)
    {
        using var machine = new DemoMachineClient(app.BaseUrl);
        return await machine.RaiseMintAsync(title);
    }
}
