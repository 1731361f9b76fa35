using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

[Trait("Category", "Integration")]
public sealed class ApprovalAssigneesTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly ApprovalHarness harness = new(fixture);

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        await using var db = fixture.CreateContext();
        // The database lives for the test class; the first test's set-up seeds it for all.
        if (await db.Users.AnyAsync())
            return;
        await ApprovalUsers.AddAsync(db, "operator@demo.local", Roles.Operator, ApprovalHarness.Department);
        await ApprovalUsers.AddAsync(db, "manager@demo.local", Roles.Manager, ApprovalHarness.Department);
        await ApprovalUsers.AddAsync(db, "top@demo.local", Roles.TopManagement);
        await ApprovalUsers.AddAsync(db, "viewer@demo.local", Roles.Viewer, ApprovalHarness.Department);
        await ApprovalUsers.AddAsync(db, "gone@demo.local", Roles.Manager, ApprovalHarness.Department, disabled: true);
        await ApprovalUsers.AddAsync(db, ApprovalHarness.Requester, Roles.Operator, ApprovalHarness.Department);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Candidates_are_active_approvers_other_than_the_requester_and_the_current_assignee()
    {
        var app = harness.Instance();
        var service = app.GetRequiredService<ApprovalService>();
        var assignees = app.GetRequiredService<ApprovalAssignees>();
        var id = await harness.CreateAsync(service);

        var before = await assignees.CandidatesAsync(await harness.ReadAsync(id));
        Assert.Equal(["manager@demo.local", "operator@demo.local", "top@demo.local"], before.Select(c => c.Email));
        Assert.Equal([Roles.TopManagement], before.Single(c => c.Email == "top@demo.local").Roles);

        Assert.IsType<TransitionOutcome.Applied>(await service.ReassignAsync(id, ApprovalHarness.User("operator@demo.local", Roles.Operator), "manager@demo.local"));
        var after = await assignees.CandidatesAsync(await harness.ReadAsync(id));
        Assert.Equal(["operator@demo.local", "top@demo.local"], after.Select(c => c.Email));
    }

    [Fact]
    public void Finding_a_candidate_ignores_case_and_surrounding_spaces_and_refuses_anyone_else()
    {
        IReadOnlyList<ApprovalAssignee> candidates = [new("manager@demo.local", "Manager", [Roles.Manager])];
        Assert.Equal("manager@demo.local", ApprovalAssignees.Find(candidates, "  Manager@Demo.Local ")?.Email);
        Assert.Null(ApprovalAssignees.Find(candidates, "viewer@demo.local"));
        Assert.Null(ApprovalAssignees.Find(candidates, " "));
    }
}
