using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

/// <summary>The inbox in a real browser, fed by the real relay: a request raised by a system appears in an open inbox.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class ApprovalsInboxTests(ConsoleApp app, Chromium chromium)
{
    [Fact]
    public async Task Operators_open_inbox_shows_a_newly_raised_request_without_a_reload()
    {
        await using var session = await chromium.OpenAsync(app, DemoUser.Operator, nameof(Operators_open_inbox_shows_a_newly_raised_request_without_a_reload));
        var inbox = new ApprovalsPage(session.Page);
        // A view of its own, so the demo's other requests neither crowd it nor push the new one to a later page.
        var tag = Guid.NewGuid().ToString("N")[..10];
        var title = $"Mint 7 OPS for {tag}";
        await inbox.GotoAsync($"?q={tag}");
        await Expect(inbox.Empty).ToContainTextAsync("No requests match these filters");

        using var machine = new DemoMachineClient(app.BaseUrl);
        var id = await machine.RaiseMintAsync(title, "desk@bridge.local", "7", "inbox");

        var row = inbox.Row(id);
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveAttributeAsync("href", $"/approvals/{id}");
        await Expect(row.GetByTestId("sla-bar")).ToContainTextAsync(new Regex(@"Reminder in 3 h 5\d m"));
        await Expect(inbox.Count).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task A_live_change_is_announced_politely_and_leaves_the_keyboard_focus_where_it_was()
    {
        await using var session = await chromium.OpenAsync(app, DemoUser.Operator, nameof(A_live_change_is_announced_politely_and_leaves_the_keyboard_focus_where_it_was));
        var inbox = new ApprovalsPage(session.Page);
        var tag = Guid.NewGuid().ToString("N")[..10];
        using var machine = new DemoMachineClient(app.BaseUrl);
        var first = await machine.RaiseMintAsync($"Mint 3 OPS for {tag} first", "desk@bridge.local", "3", "inbox");
        await inbox.GotoAsync($"?q={tag}");
        var focused = inbox.Row(first).GetByRole(AriaRole.Link);
        await focused.FocusAsync();
        await Expect(focused).ToBeFocusedAsync();

        var second = await machine.RaiseMintAsync($"Mint 4 OPS for {tag} second", "desk@bridge.local", "4", "inbox");

        await Expect(inbox.Row(second)).ToBeVisibleAsync();
        await Expect(inbox.Count).ToHaveTextAsync("2");
        var status = session.Page.GetByTestId("live-status");
        await Expect(status).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(status).ToContainTextAsync("2 in this view");
        // The row the operator was on is still the focused element: the refresh neither moved focus nor rebuilt that row.
        await Expect(focused).ToBeFocusedAsync();
    }
}
