using System.Text.Json;
using Microsoft.Playwright;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

/// <summary>A webhook receiver was down when a request was raised; once it is up, a Remediator redelivers from the page.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class WebhookRedeliveryTests(Chromium chromium)
{
    [Fact]
    public async Task Remediator_retries_a_failed_webhook_delivery_and_sees_it_resolved_and_audited()
    {
        var port = ConsoleApp.FreePort();
        var app = ConsoleApp.OnFolder(ConsoleApp.NewDataDir(), demo: true, "webhook-redelivery.log", new Dictionary<string, string>
        {
            ["Notifications__Webhook__Url"] = $"http://127.0.0.1:{port}/hook",
            ["Notifications__MaxAttempts"] = "1",
            ["Notifications__DispatchInterval"] = "00:00:01",
        });
        try
        {
            await app.InitializeAsync();
            using var machine = new DemoMachineClient(app.BaseUrl);
            var requestId = await machine.RaiseMintAsync("Mint for the webhook drill", "operator@demo.local", "12.5", "drill");

            // Nothing listens on the webhook's port yet: the one allowed attempt fails and becomes a dead letter.
            var deadLetterId = await WaitForWebhookDeadLetterAsync(machine, requestId!);
            using var receiver = new WebhookReceiver(port);

            await using var session = await chromium.OpenAsync(app, DemoUser.Remediator,
                nameof(Remediator_retries_a_failed_webhook_delivery_and_sees_it_resolved_and_audited));
            var page = session.Page;
            await page.GotoAsync(new Uri(app.BaseUrl, $"/dead-letters/{deadLetterId}").ToString());
            await new ShellPage(page).WaitUntilInteractiveAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(page.GetByTestId("status")).ToHaveTextAsync("Unresolved");
            await page.GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true }).ClickAsync();

            await Expect(page.GetByTestId("status")).ToHaveTextAsync("Resolved");
            // The demo's own requests reach their SLA steps meanwhile and send webhooks too: this request's is delivered once.
            var delivered = receiver.Bodies.Select(b => JsonDocument.Parse(b).RootElement)
                .Where(b => b.GetProperty("subject_id").GetString() == requestId).ToList();
            Assert.Equal("approval.requested", Assert.Single(delivered).GetProperty("event_key").GetString());

            await page.GotoAsync(new Uri(app.BaseUrl, "/audit?action=dead_letter.retried").ToString());
            await Expect(page.GetByText(DemoUser.Remediator.Email).First).ToBeVisibleAsync();
        }
        finally
        {
            await app.StopAsync();
            await app.RemoveDataAsync();
        }
    }

    /// <summary>The webhook dead letter of this request; the demo requests seeded at start fail their webhooks too.</summary>
    static async Task<string> WaitForWebhookDeadLetterAsync(DemoMachineClient machine, string requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        var checkedIds = new HashSet<string>();
        while (DateTime.UtcNow < deadline)
        {
            var list = await machine.SendAsync(HttpMethod.Get, "/api/dead-letters?status=Unresolved&source=dispatcher&operation=notification.deliver.webhook&pageSize=200");
            foreach (var item in list.GetProperty("items").EnumerateArray())
            {
                var id = item.GetProperty("id").GetString()!;
                if (!checkedIds.Add(id))
                    continue;
                var full = await machine.SendAsync(HttpMethod.Get, $"/api/dead-letters/{id}");
                if (full.GetProperty("payload").GetProperty("subject_id").GetString() == requestId)
                    return id;
            }
            // Identical requests in the same second carry the same signature, which the server refuses as a replay.
            await Task.Delay(1100);
        }
        throw new TimeoutException($"No dead letter for the webhook delivery of request {requestId} appeared within 45 s.");
    }
}
