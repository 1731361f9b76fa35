using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Stellar;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.Stellar;

/// <summary>
/// The demo's mints on the simulated network, issued from the console's own account so the job submits them: two
/// approved ones it confirms, one pending for a Manager to approve, and one approved whose payment the simulated network
/// drops (to <see cref="DroppedDestination"/>) and whose SLA ends 30 seconds after the demo starts. That one's maxTime is
/// its SLA expiry, so it ends TimeoutFailed by itself once a ledger closes after it, proven by the reconcile job. It was
/// approved last, so it is built last, behind the others; mints approved while it is open wait for it to end.
/// They are signed with the simulated network's own key only: with a configured Stellar:IssuerSeed the demo adds none.
/// </summary>
sealed class StellarDemoRequests(IssuerKey issuer, IOptions<StellarOptions> options) : IDemoRequests
{
    /// <summary>A made-up account the simulated network drops every payment to in demo mode.</summary>
    public static readonly string DroppedDestination =
        StrKey.EncodeAccountId(SHA256.HashData(Encoding.UTF8.GetBytes("opsconsole demo: payments the simulated network drops")));

    // Opened 10 minutes ago and expiring 30 seconds later: half a minute left when the demo starts.
    static readonly SlaPolicy HalfAMinuteLeft = SlaPolicy.MintDefault with { ExpireAfter = TimeSpan.FromMinutes(10.5) };

    public IReadOnlyList<DemoRequest> Requests => options.Value.IssuerSeed.Length > 0 ? [] :
    [
        new DemoRequest("Mint 2,000 EURE Porto desk float", TimeSpan.FromMinutes(50), 2_000m, ApprovalDemoSeed.Operator, SlaPolicy.MintDefault,
            DecidedBy: ApprovalDemoSeed.Manager, Reason: "Float agreed with the desk") { Issuer = issuer.AccountId },
        new DemoRequest("Mint 350 EURE card settlement", TimeSpan.FromMinutes(20), 350m, MachineClientOptions.DemoKeyId, SlaPolicy.MintDefault,
            DecidedBy: ApprovalDemoSeed.Manager, Reason: "Matches the card scheme's report") { Issuer = issuer.AccountId },
        new DemoRequest("Mint 1,500 EURE Madrid desk float", TimeSpan.FromMinutes(10), 1_500m, ApprovalDemoSeed.Operator, SlaPolicy.MintDefault)
        {
            Issuer = issuer.AccountId,
        },
        new DemoRequest("Mint 700 EURE partner payout, never included", TimeSpan.FromMinutes(10), 700m, MachineClientOptions.DemoKeyId, HalfAMinuteLeft,
            DecidedBy: ApprovalDemoSeed.Manager, Reason: "Payout confirmed by the partner") { Issuer = issuer.AccountId, Destination = DroppedDestination },
    ];
}
