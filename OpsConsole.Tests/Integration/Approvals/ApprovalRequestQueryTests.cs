using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

[Trait("Category", "Integration")]
public sealed class ApprovalRequestQueryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly ApprovalHarness harness = new(fixture);

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Pending_request_names_its_next_step_and_when_it_falls_due()
    {
        var app = harness.Instance();
        var id = await harness.CreateAsync(app.GetRequiredService<ApprovalService>());
        var query = app.GetRequiredService<ApprovalRequestQuery>();

        var fresh = await query.GetAsync(id);
        Assert.Equal((SlaStep.Remind, ApprovalHarness.Start.AddHours(4)), (fresh!.NextStep, fresh.NextStepAt));

        harness.Clock.Advance(TimeSpan.FromHours(4));
        await app.GetRequiredService<SlaTimers>().ApplyDueAsync();
        var reminded = await query.GetAsync(id);
        Assert.Equal((SlaStep.Escalate, ApprovalHarness.Start.AddHours(12)), (reminded!.NextStep, reminded.NextStepAt));
        Assert.Equal(ApprovalHarness.Start.AddHours(4), reminded.Request.RemindedAt);
        Assert.Empty(reminded.ResubmittedAs);
    }

    [Fact]
    public async Task Resubmission_is_linked_both_ways_and_the_expired_request_has_nothing_due()
    {
        var app = harness.Instance();
        var service = app.GetRequiredService<ApprovalService>();
        var id = await harness.CreateAsync(service);
        harness.Clock.Advance(TimeSpan.FromHours(24));
        await app.GetRequiredService<SlaTimers>().ApplyDueAsync();
        var newId = Guid.NewGuid();

        Assert.IsType<TransitionOutcome.Applied>(await service.ActAsync(id, new ApprovalCommand(ApprovalAction.Resubmit) { NewRequestId = newId },
            ApprovalActors.From(ApprovalHarness.User("operator@demo.local", Roles.Operator))));

        var query = app.GetRequiredService<ApprovalRequestQuery>();
        var expired = await query.GetAsync(id);
        Assert.Equal(ApprovalStatus.Expired, expired!.Request.Status);
        Assert.Equal([newId], expired.ResubmittedAs);
        Assert.Null(expired.NextStep);
        var resubmitted = await query.GetAsync(newId);
        Assert.Equal(id, resubmitted!.Request.ResubmissionOf);
        Assert.Equal(ApprovalStatus.Pending, resubmitted.Request.Status);
        Assert.Equal(SlaStep.Remind, resubmitted.NextStep);
    }

    [Fact]
    public async Task Unknown_id_reads_as_nothing()
    {
        Assert.Null(await harness.Instance().GetRequiredService<ApprovalRequestQuery>().GetAsync(Guid.NewGuid()));
    }
}
