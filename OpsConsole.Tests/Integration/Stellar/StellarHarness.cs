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

    /// <summary>The API the simulated network answers in for the instances made from now on (Stellar:SimulatedApi).</summary>
    public string Api { get; set; } = nameof(SimulatedApi.Rpc);

    // One count per wait of the network for a ledger close, which only a move of the clock ends.
    readonly SemaphoreSlim waits = new(0);

    public async Task InitializeAsync()
    {
        await approvals.InitializeAsync();
        Ledger = new SimulatedLedger(Clock, StellarNetwork.TestnetPassphrase);
        Ledger.Waiting += () => waits.Release();
    }

    /// <summary>
    /// Awaits work that may wait on the network's clock, as Horizon holds a submission until a ledger includes it: each
    /// time the network waits for a close, the clock moves on one ledger, as it would have by itself. Work that does
    /// not wait (Stellar RPC answers at once) leaves the clock where it is.
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> work)
    {
        await DriveAsync((Task)work);
        return await work;
    }

    public async Task DriveAsync(Task work)
    {
        while (true)
        {
            using var stop = new CancellationTokenSource();
            var waited = waits.WaitAsync(stop.Token);
            if (await Task.WhenAny(work, waited) == work)
            {
                await stop.CancelAsync();
                await work;
                return;
            }
            NextLedger();
        }
    }

    public async Task DisposeAsync()
    {
        await approvals.DisposeAsync();
        waits.Dispose();
    }

    /// <param name="network">Wraps the simulated network's client, to lose or change what it answers.</param>
    /// <param name="more">Registers what a test needs beyond approvals and Stellar, e.g. the dead-letter remediation.</param>
    public IServiceProvider Instance(Func<IStellarNetwork, IStellarNetwork>? network = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration>? more = null) =>
        approvals.Instance(new Dictionary<string, string?>
        {
            ["Stellar:Mode"] = "Simulated",
            ["Stellar:SimulatedApi"] = Api,
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
    public async Task<Guid> ApprovedMintAsync(IServiceProvider app, string? issuer = null, decimal amount = 125.5m, string? destination = null)
    {
        var service = app.GetRequiredService<ApprovalService>();
        var created = await service.CreateAsync(new NewApprovalRequest(ApprovalKind.Mint, "Mint for desk", ApprovalHarness.Department, ApprovalHarness.Requester,
            new MintPayload("EURE", issuer ?? Issuer, destination ?? ApprovalHarness.Issuer, amount, "invoice 7")));
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
