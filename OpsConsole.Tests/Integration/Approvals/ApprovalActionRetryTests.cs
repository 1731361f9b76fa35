using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>A dead-lettered approval action is redone from the remediation page for the person who took it.</summary>
[Trait("Category", "Integration")]
public sealed class ApprovalActionRetryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Manager = "manager@demo.local";
    OpsAppFactory app = null!;

    public Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString);
        app.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Retry_approves_the_request_for_the_manager_whose_approval_failed()
    {
        var (requestId, deadLetterId) = await RequestWithFailedActionAsync(ApprovalCommand.Approve("looks right"));

        var result = await RetryAsRemediatorAsync(deadLetterId);

        Assert.Equal(RemediationOutcome.Resolved, result.Outcome);
        await using var db = fixture.CreateContext();
        var request = await db.ApprovalRequests.SingleAsync(r => r.Id == requestId);
        Assert.Equal((ApprovalStatus.Approved, Manager), (request.Status, request.DecidedBy));
        Assert.Equal(DeadLetterStatus.Resolved, (await db.DeadLetters.SingleAsync(d => d.Id == deadLetterId)).Status);
    }

    [Fact]
    public async Task Retry_after_the_request_moved_on_keeps_the_record_with_the_refusal()
    {
        var (requestId, deadLetterId) = await RequestWithFailedActionAsync(ApprovalCommand.Approve());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var rejection = await scope.ServiceProvider.GetRequiredService<ApprovalService>()
                .RejectAsync(requestId, await PrincipalAsync(scope, "top@demo.local"), "amount is wrong");
            Assert.IsType<TransitionOutcome.Applied>(rejection);
        }

        var result = await RetryAsRemediatorAsync(deadLetterId);

        Assert.Equal(RemediationOutcome.StillFailing, result.Outcome);
        await using var db = fixture.CreateContext();
        var letter = await db.DeadLetters.SingleAsync(d => d.Id == deadLetterId);
        Assert.Equal((DeadLetterStatus.Unresolved, 3 + 1), (letter.Status, letter.RetryCount));
        Assert.Contains("Rejected", letter.ReasonMessage);
    }

    async Task<(Guid RequestId, Guid DeadLetterId)> RequestWithFailedActionAsync(ApprovalCommand command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApprovalService>().CreateAsync(ApprovalHarness.Mint() with
        {
            Department = "treasury",
            RequestedBy = "operator@demo.local",
        });
        var id = created.Created!.Id;
        // What GuardedTransitions writes when the manager's action ran out of attempts.
        var now = DateTimeOffset.UtcNow;
        var work = new TransitionContext(ApprovalAuditActions.SubjectType, id.ToString(), ApprovalActionRetry.OperationFor(command.Action),
            DeadLetterSources.Ui, null, new JsonObject { ["action"] = command.Action.ToString(), ["actor"] = Manager, ["reason"] = command.Reason });
        var deadLetterId = await scope.ServiceProvider.GetRequiredService<DeadLetterWriter>().WriteAsync(work,
            new TransitionFailure("Pending", "Approved", "Gave up after 3 attempt(s)", new DbUpdateConcurrencyException("conflict"), 3, now, now));
        return (id, deadLetterId);
    }

    async Task<RemediationResult> RetryAsRemediatorAsync(Guid deadLetterId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadLetterRemediation>()
            .RetryAsync(await PrincipalAsync(scope, "remediator@demo.local"), deadLetterId);
    }

    static async Task<ClaimsPrincipal> PrincipalAsync(AsyncServiceScope scope, string email)
    {
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().FindByEmailAsync(email);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<OpsUser>>().CreateAsync(user!);
    }
}
