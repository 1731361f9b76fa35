using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Audit;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Audit;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>The approval service and SLA timers wired as the app wires them, on a test database with a fake clock;
/// each call to <see cref="Instance"/> is another app instance on the same database.</summary>
public sealed class ApprovalHarness(DatabaseFixture fixture) : IAsyncLifetime
{
    public const string Department = "treasury";
    public const string Requester = "desk@bridge.local";
    public const string Issuer = "GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7";
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    readonly List<ServiceProvider> providers = [];

    public FakeTimeProvider Clock { get; } = new(Start);

    public async Task InitializeAsync()
    {
        await using var db = fixture.CreateContext();
        // The database lives for the test class; each test's harness finds it seeded by the first.
        if (await db.Departments.AnyAsync(d => d.Id == Department))
            return;
        db.Departments.Add(new Department { Id = Department, Name = "Treasury" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in providers)
            await provider.DisposeAsync();
    }

    /// <param name="more">Registers what a test needs beyond the approvals, e.g. the dead-letter remediation.</param>
    public IServiceProvider Instance(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection, IConfiguration>? more = null)
    {
        var (services, config) = TestHost.Core(fixture.ConnectionString, Clock, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Transitions:MaxAttempts"] = "3",
            ["Sla:BatchSize"] = "7",
        });
        services.AddNotifications(config).AddApprovals(config).AddPeopleDirectory();
        more?.Invoke(services, config);
        var provider = TestHost.Build(services);
        providers.Add(provider);
        return provider;
    }

    /// <summary>The second department the demo's requests use, for tests that seed them.</summary>
    public async Task AddOperationsDepartmentAsync()
    {
        await using var db = fixture.CreateContext();
        if (!await db.Departments.AnyAsync(d => d.Id == "operations"))
        {
            db.Departments.Add(new Department { Id = "operations", Name = "Operations" });
            await db.SaveChangesAsync();
        }
    }

    public static NewApprovalRequest Mint(string title = "Mint for desk") =>
        new(ApprovalKind.Mint, title, Department, Requester, new MintPayload("EURE", Issuer, Issuer, 125.5m, "invoice 7"));

    public async Task<Guid> CreateAsync(ApprovalService service)
    {
        var result = await service.CreateAsync(Mint());
        Assert.Empty(result.Errors);
        return result.Created!.Id;
    }

    public static ClaimsPrincipal User(string email, string role, string? department = Department) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Email, email), new Claim(ClaimTypes.Role, role), .. department is null ? Array.Empty<Claim>() : [new Claim(OpsClaims.Department, department)]],
        "test"));

    public async Task<ApprovalRequest> ReadAsync(Guid id)
    {
        await using var db = fixture.CreateContext();
        return await db.ApprovalRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    public async Task<List<AuditEvent>> AuditAsync(Guid id)
    {
        await using var db = fixture.CreateContext();
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == ApprovalAuditActions.SubjectType && e.SubjectId == id.ToString())
            .OrderBy(e => e.Id).ToListAsync();
    }
}
