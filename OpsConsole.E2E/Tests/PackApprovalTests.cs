using System.Text;
using System.Text.Json;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.E2E.Accessibility;
using OpsConsole.E2E.Pages;
using OpsConsole.E2E.Support;
using OpsConsole.Platform.MachineAuth;
using static Microsoft.Playwright.Assertions;

namespace OpsConsole.E2E.Tests;

/// <summary>The Task Runner's round trip: its approval event is taken in, a Manager approves it in the browser, and the
/// Task Runner's callback gets the decision in a signed resume call.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class PackApprovalTests(ConsoleApp app, Chromium chromium)
{
    [Fact]
    public async Task A_Manager_approves_a_Task_Runner_approval_in_the_browser_and_the_runner_gets_the_signed_resume_call()
    {
        var port = ConsoleApp.FreePort();
        using var receiver = new WebhookReceiver(port);
        var runId = $"run-e2e-{Guid.NewGuid():N}"[..20];
        var token = $"resume-{Guid.NewGuid():N}";
        PackEvent requested = new PackApprovalRequested
        {
            EventId = $"evt-{runId}",
            Tenant = "demo",
            RunId = runId,
            OccurredAt = DateTimeOffset.UtcNow,
            CorrelationId = $"corr-{runId}",
            ApprovalId = "deploy-prod",
            PlanHash = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            RequiredGrants = ["deploy:production"],
            StepIds = ["build", "migrate", "switch"],
            Message = new() { Template = PackTemplates.ApprovalRequested, Locale = "en", Values = new Dictionary<string, string> { ["pack"] = "payments" } },
            ResumeCallbackUrl = $"http://127.0.0.1:{port}/resume",
            ResumeToken = token,
        };
        using (var machine = new DemoMachineClient(app.BaseUrl))
            await machine.SendJsonAsync(HttpMethod.Post, "/notifications/pack-approvals", JsonSerializer.Serialize(requested, JsonSerializerOptions.Web));

        await using var session = await chromium.OpenAsync(app, DemoUser.Manager, "manager-approves-pack");
        var page = session.Page;
        var inbox = new ApprovalsPage(page);
        await inbox.GotoAsync($"?scope=All&q={runId}");
        await inbox.OpenAsync(runId);
        await new ShellPage(page).WaitUntilInteractiveAsync();
        var request = new ApprovalRequestPage(page);
        await Expect(page.GetByTestId("payload-run")).ToHaveTextAsync(runId);
        await Expect(page.GetByTestId("payload-steps")).ToHaveTextAsync("build, migrate, switch");
        await request.ApproveAsync("Plan reviewed with the release owner");
        await Expect(request.Status).ToHaveTextAsync("Approved");
        var violations = await AxeAudit.SeriousViolationsAsync(page, "an approved Task Runner approval");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (receiver.Requests.IsEmpty && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        var call = Assert.Single(receiver.Requests);
        var body = JsonSerializer.Deserialize<PackResumeCall>(call.Body, JsonSerializerOptions.Web)!;
        Assert.Equal((runId, "deploy-prod", PackDecisions.Approve, token, "Plan reviewed with the release owner"),
            (body.RunId, body.ApprovalId, body.Decision, body.ResumeToken, body.Comment));
        Assert.Equal(DemoMachineClient.KeyId, call.Headers[MachineSignature.KeyHeader]);
        Assert.Equal(MachineSignature.Compute(DemoMachineClient.Secret, "POST", "/resume", call.Headers[MachineSignature.TimestampHeader],
            MachineSignature.BodyHash(Encoding.UTF8.GetBytes(call.Body))), call.Headers[MachineSignature.SignatureHeader]);
        // The token went to the runner and nowhere else: not the page, not a line the app logged in this run.
        Assert.DoesNotContain(token, await page.ContentAsync());
        Assert.False(app.LogContains(token), "the app's log holds the resume token");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
