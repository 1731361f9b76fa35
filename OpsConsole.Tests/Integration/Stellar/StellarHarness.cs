using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Stellar;
using OpsConsole.Features.Stellar.Network;
using OpsConsole.Features.Stellar.Simulation;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Approvals;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Stellar;

/// <summary>Approvals and Stellar wired as the app wires them, on the simulated network (or another network a test
/// puts in front of it) with a fake clock; each <see cref="Instance"/> is another app instance on the same database.</summary>
public sealed class StellarHarness(DatabaseFixture fixture) : IAsyncLifetime
{
    readonly ApprovalHarness approvals = new(fixture);

    public static ApprovalActor Manager { get; } = ApprovalActor.User("manager@demo.local", [ApprovalRoles.Manager], [ApprovalHarness.Department]);

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => approvals.Clock;

    /// <summary>The network every instance of this harness shares, as instances share the real one.</summary>
    public SimulatedLedger Ledger { get; private set; } = null!;

    public string Issuer { get; } = IssuerKey.SimulatedAccountId();

    public async Task InitializeAsync()
    {
        await approvals.InitializeAsync();
        Ledger = new SimulatedLedger(Clock, StellarNetwork.TestnetPassphrase);
    }

    public Task DisposeAsync() => approvals.DisposeAsync();

    /// <param name="network">Wraps the simulated network's client, to lose or change what it answers.</param>
    /// <param name="more">Registers what a test needs beyond approvals and Stellar, e.g. the dead-letter remediation.</param>
    public IServiceProvider Instance(Func<IStellarNetwork, IStellarNetwork>? network = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration>? more = null) =>
        approvals.Instance(new Dictionary<string, string?>
        {
            ["Stellar:Mode"] = "Simulated",
            ["Stellar:SubmitWindow"] = "00:05:00",
        }.Concat(settings ?? new Dictionary<string, string?>()).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value), (services, config) =>
        {
            services.AddStellar(config);
            more?.Invoke(services, config);
            services.RemoveAll<SimulatedLedger>().AddSingleton(Ledger);
            if (network is not null)
            {
                var inner = services.Single(d => d.ServiceType == typeof(IStellarNetwork));
                services.Remove(inner);
                services.AddTransient(sp => network((IStellarNetwork)(inner.ImplementationFactory is { } f ? f(sp) : ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!))));
            }
        });

    /// <summary>An approved mint of this console's asset; <paramref name="expireAfter"/> sets the SLA expiry.</summary>
    public async Task<Guid> ApprovedMintAsync(IServiceProvider app, string? issuer = null, decimal amount = 125.5m)
    {
        var service = app.GetRequiredService<ApprovalService>();
        var created = await service.CreateAsync(new NewApprovalRequest(ApprovalKind.Mint, "Mint for desk", ApprovalHarness.Department, ApprovalHarness.Requester,
            new MintPayload("EURE", issuer ?? Issuer, ApprovalHarness.Issuer, amount, "invoice 7")));
        Assert.Empty(created.Errors);
        var id = created.Created!.Id;
        Assert.IsType<TransitionOutcome.Applied>(await service.ActAsync(id, ApprovalCommand.Approve(), Manager));
        return id;
    }

    public Task<ApprovalRequest> RequestAsync(Guid id) => approvals.ReadAsync(id);

    public async Task<List<MintSubmission>> SubmissionsAsync(Guid requestId)
    {
        await using var db = fixture.CreateContext();
        return await db.StellarSubmissions.AsNoTracking().Where(s => s.RequestId == requestId).OrderBy(s => s.CreatedAt).ToListAsync();
    }

    public async Task<List<SubmissionAttempt>> AttemptsAsync(Guid submissionId)
    {
        await using var db = fixture.CreateContext();
        return await db.StellarSubmissionAttempts.AsNoTracking().Where(a => a.SubmissionId == submissionId).OrderBy(a => a.Id).ToListAsync();
    }

    public async Task<List<string>> AuditActionsAsync(Guid requestId)
    {
        await using var db = fixture.CreateContext();
        var submissions = await db.StellarSubmissions.Where(s => s.RequestId == requestId).Select(s => s.Id.ToString()).ToListAsync();
        return await db.AuditEvents.AsNoTracking()
            .Where(e => (e.SubjectType == ApprovalAuditActions.SubjectType && e.SubjectId == requestId.ToString())
                || (e.SubjectType == StellarAuditActions.SubjectType && submissions.Contains(e.SubjectId)))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    /// <summary>Moves the clock past the next ledger close.</summary>
    public void NextLedger() => Clock.Advance(SimulatedLedger.CloseEvery);
}
