using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

[Trait("Category", "Integration")]
public sealed class ApprovalDemoSeedTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly ApprovalHarness harness = new(fixture);

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        await harness.AddOperationsDepartmentAsync();
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Demo_requests_cover_every_sla_stage_once_and_leave_nothing_due()
    {
        var app = harness.Instance();
        var seed = app.GetRequiredService<ApprovalDemoSeed>();

        Assert.Equal(10, await seed.SeedAsync());
        Assert.Equal(0, await seed.SeedAsync());

        await using var db = fixture.CreateContext();
        var requests = await db.ApprovalRequests.AsNoTracking().ToListAsync();
        var pending = requests.Where(r => r.Status == ApprovalStatus.Pending).ToList();
        Assert.Contains(pending, r => r.Tier == 1 && r.RemindedAt is null);
        Assert.Contains(pending, r => r.Tier == 1 && r.RemindedAt is not null);
        Assert.Contains(pending, r => r.Tier == 2 && r.EscalatedAt is not null);
        Assert.Contains(pending, r => r.Tier == 3 && r.EscalatedFinalAt is not null);
        Assert.Contains(pending, r => r.Department == "operations");
        Assert.Contains(requests, r => r.Status == ApprovalStatus.Expired && r.ExpiredAt is not null);
        Assert.Contains(requests, r => r.Status == ApprovalStatus.Approved && r.DecidedBy == "operator@demo.local");
        Assert.Contains(requests, r => r.Status == ApprovalStatus.Rejected && r.DecisionReason is { Length: > 0 });
        var fromTheDemoKey = requests.Where(r => r.RequestedBy == "demo").ToList();
        Assert.NotEmpty(fromTheDemoKey);
        Assert.All(fromTheDemoKey, r => Assert.Equal("demo", r.Tenant));
        // Every step already due was taken at seeding, so the timers find nothing to do.
        Assert.Equal(0, await app.GetRequiredService<SlaTimers>().ApplyDueAsync());
        Assert.True(await db.AuditEvents.CountAsync(e => e.SubjectType == ApprovalAuditActions.SubjectType) > requests.Count);
    }
}
