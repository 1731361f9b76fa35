using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.Stellar;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Startup;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Demo mode only: mint requests at every SLA stage (fresh, reminded, escalated, finally escalated, about to expire,
/// expired, decided), so the inbox shows each colour of SLA bar and each role has something to act on. Each request is
/// opened in the past and taken through its due steps by the same Domain functions the timers use, and committed through
/// the guarded-transition executor with the effects every change has, so its audit trail and notifications look like a
/// real history. Other features add their own (<see cref="IDemoRequests"/>), such as mints the simulated Stellar network
/// confirms. Runs once: never over existing requests.
/// </summary>
public sealed class ApprovalDemoSeed(
    IDbContextFactory<OpsDbContext> contexts, GuardedTransitions transitions, ApprovalEffects effects, IOptions<SlaOptions> sla, TimeProvider time,
    IEnumerable<IDemoRequests> contributed)
    : IDemoSeed
{
    public const string Department = "treasury";
    public const string Operator = "operator@demo.local";
    public const string Manager = "manager@demo.local";

    // Large mints also go to top management after 18 hours, so the demo shows the third tier.
    static readonly SlaPolicy LargeMint = SlaPolicy.MintDefault with { EscalateFinalAfter = TimeSpan.FromHours(18) };

    static IReadOnlyList<DemoRequest> Seeds { get; } =
    [
        new("Mint 2,500 EURE for the Lisbon desk", TimeSpan.FromMinutes(25), 2_500m, MachineClientOptions.DemoKeyId, SlaPolicy.MintDefault),
        new("Mint 800 EURE refund batch", TimeSpan.FromHours(2.5), 800m, Operator, SlaPolicy.MintDefault),
        new("Mint 12,000 EURE for market making", TimeSpan.FromHours(5), 12_000m, MachineClientOptions.DemoKeyId, SlaPolicy.MintDefault),
        new("Mint 40,000 EURE treasury top-up", TimeSpan.FromHours(13), 40_000m, Operator, SlaPolicy.MintDefault),
        new("Mint 150,000 EURE quarterly rebalance", TimeSpan.FromHours(19), 150_000m, MachineClientOptions.DemoKeyId, LargeMint),
        new("Mint 6,300 EURE payroll float", TimeSpan.FromHours(23.4), 6_300m, MachineClientOptions.DemoKeyId, SlaPolicy.MintDefault),
        new("Mint 3,000 EURE partner settlement", TimeSpan.FromHours(26), 3_000m, MachineClientOptions.DemoKeyId, SlaPolicy.MintDefault),
        new("Mint 1,200 EURE operations float", TimeSpan.FromHours(1), 1_200m, MachineClientOptions.DemoKeyId, SlaPolicy.MintDefault,
            Department: "operations"),
        new("Mint 5,000 EURE customer withdrawals", TimeSpan.FromHours(3), 5_000m, MachineClientOptions.DemoKeyId, SlaPolicy.MintDefault,
            DecidedBy: Operator, Reason: "Matches the bank statement"),
        new("Mint 90,000 EURE unplanned", TimeSpan.FromHours(6), 90_000m, MachineClientOptions.DemoKeyId, SlaPolicy.MintDefault,
            DecidedBy: Manager, Decision: ApprovalAction.Reject, Reason: "No funding was received for this amount"),
    ];

    /// <summary>Every request the demo stores: these, then those other features add.</summary>
    IReadOnlyList<DemoRequest> All => [.. Seeds, .. contributed.SelectMany(c => c.Requests)];

    // After the demo people (Identity seeds at 100): the requests' notices are addressed to them.
    int IDemoSeed.Order => 200;

    Task IDemoSeed.SeedAsync(CancellationToken ct) => SeedAsync(ct);

    /// <summary>Stores the demo requests unless any request exists; returns how many were stored.</summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
            if (await db.ApprovalRequests.AnyAsync(ct))
                return 0;
        var now = time.GetUtcNow();
        var n = 0;
        var all = All;
        foreach (var seed in all)
        {
            var id = Guid.NewGuid();
            var number = ++n;
            var work = new TransitionContext(ApprovalAuditActions.SubjectType, id.ToString(), "approval.demo_seed", DeadLetterSources.Sweeper);
            var outcome = await transitions.RunAsync(work, async (attempt, token) =>
            {
                var (request, described) = await StoreAsync(attempt.Db, seed, id, number, now, token);
                return TransitionDecision.Apply("", request.Status.ToString(), described);
            }, ct);
            if (outcome is not TransitionOutcome.Applied)
                throw new InvalidOperationException($"The demo request '{seed.Title}' could not be stored: {outcome}");
        }
        return all.Count;
    }

    /// <summary>Adds the request in its final state and describes each change it went through, oldest first.</summary>
    async Task<(ApprovalRequest Request, TransitionEffects Effects)> StoreAsync(OpsDbContext db, DemoRequest seed, Guid id, int n, DateTimeOffset now,
        CancellationToken ct)
    {
        var payload = new MintPayload("EURE", seed.Issuer ?? DemoAccount(0), seed.Destination ?? DemoAccount(n), seed.Amount, $"demo {n}");
        var tenant = seed.RequestedBy == MachineClientOptions.DemoKeyId ? MachineClientOptions.DemoTenant : null;
        var input = new NewApprovalRequest(ApprovalKind.Mint, seed.Title, seed.Department, seed.RequestedBy, payload, tenant);
        var opened = ApprovalRules.Open(input, id, seed.Policy, sla.Value.Calendar, now - seed.Age);
        var request = opened.Request;
        db.ApprovalRequests.Add(request);
        var all = await effects.DescribeAsync(db, request, request.RequestedBy, ApprovalAuditActions.Created, ApprovalStatus.Pending, request.Tier,
            null, opened.Notices, ct);

        var decideAt = seed.DecidedBy is null ? now : now - seed.Age / 2;
        // Each step at its own due time, as the timers would have fired it.
        while (request.Status == ApprovalStatus.Pending && request.NextDueAt is { } due && due <= decideAt)
            foreach (var step in SlaSteps.ApplyDue(request, sla.Value.Calendar, due))
                all.Add(await effects.DescribeAsync(db, request, ApprovalActor.Sla.Id, step.AuditAction, step.From, step.TierBefore,
                    $"SLA step {step.Step} was due", step.Notices, ct));

        if (seed.DecidedBy is { } decider)
        {
            var actor = ApprovalActor.User(decider, [decider == Manager ? ApprovalRoles.Manager : ApprovalRoles.Operator], [seed.Department]);
            var command = seed.Decision == ApprovalAction.Reject ? ApprovalCommand.Reject(seed.Reason) : ApprovalCommand.Approve(seed.Reason);
            var change = ApprovalRules.Apply(request, command, actor, decideAt, sla.Value.Calendar);
            if (!change.IsApplied)
                throw new InvalidOperationException($"The demo request '{seed.Title}' could not be decided: {change.Refusal}");
            all.Add(await effects.DescribeAsync(db, request, decider, change.AuditAction!, change.From, change.TierBefore, seed.Reason,
                change.Notices, ct));
        }
        return (request, all);
    }

    /// <summary>A valid, made-up Stellar account id: no network knows it, so a mint naming it as issuer is never submitted.</summary>
    static string DemoAccount(int n) => StrKey.EncodeAccountId(SHA256.HashData(Encoding.UTF8.GetBytes($"opsconsole demo account {n}")));
}
