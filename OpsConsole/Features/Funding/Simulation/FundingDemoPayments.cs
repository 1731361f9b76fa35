using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Funding.Simulation;

/// <summary>
/// Demo mode on a simulated chain only (registered nowhere else): an Admin sends a payment to one of the handles of a
/// simulated chain, so that a visitor can watch it walk to a credit. The payment is made on that chain, never recorded
/// as an observation here (the observer finds it at its next pass, as it would a real one), and audited.
/// </summary>
public sealed class FundingDemoPayments(
    FundingHandles handles,
    IAuthorizationService authorization,
    GuardedTransitions transitions,
    SimulatedBitcoinChain? bitcoin = null,
    SimulatedGnosisChain? gnosis = null)
{
    public const string Paid = "funding.demo_payment_sent";
    /// <summary>The most one demo payment sends, so that a slip of the finger does not fill the totals with nonsense.</summary>
    public const decimal MaxBtc = 100m;
    public const decimal MaxEure = 1_000_000m;

    /// <summary>Whether the chain is simulated here, so a demo payment can be sent on it.</summary>
    public bool Pays(string chain) => chain switch
    {
        FundingAssets.Bitcoin => bitcoin is not null,
        FundingAssets.Gnosis => gnosis is not null,
        _ => false,
    };

    /// <summary>Sends <paramref name="amount"/> to the handle on its simulated chain; the result names the transaction or says why not.</summary>
    public async Task<FundingControlResult> PayAsync(ClaimsPrincipal caller, Guid handleId, decimal amount, CancellationToken ct = default)
    {
        if (!(await authorization.AuthorizeAsync(caller, OpsPolicies.Admin)).Succeeded)
            return FundingControlResult.Refused("Only an Admin may send a demo payment.");
        if (await handles.FindAsync(handleId, ct) is not { } handle)
            return FundingControlResult.Refused("The handle does not exist.");
        if (!handle.Active || !Pays(handle.Chain))
            return FundingControlResult.Refused($"{handle.Label} is not an active handle on a simulated chain.");
        var (max, decimals) = handle.Chain == FundingAssets.Bitcoin ? (MaxBtc, 8) : (MaxEure, 18);
        if (amount <= 0 || amount > max || decimal.Round(amount, decimals) != amount)
            return FundingControlResult.Refused($"amount must be more than 0 and at most {max} {handle.Asset}, with at most {decimals} decimals.");

        var actor = FundingActors.Of(caller);
        string? txid = null;
        var outcome = await transitions.RunAsync(
            new TransitionContext(FundingAuditActions.HandleSubjectType, handle.Id.ToString(), Paid, DeadLetterSources.Ui), (_, _) =>
            {
                // The simulated chain is outside the transaction: a retried attempt pays once.
                txid ??= handle.Chain == FundingAssets.Bitcoin
                    ? bitcoin!.Pay(handle.DepositAddress, (long)(amount * FundingAssets.SatoshisPerBtc))
                    : gnosis!.Pay(handle.DepositAddress, amount);
                return Task.FromResult(TransitionDecision.Apply("", Paid, TransitionEffects.Of(
                    new AuditEntry(actor, Paid, FundingAuditActions.HandleSubjectType, handle.Id.ToString(), new JsonObject
                    {
                        ["txHash"] = txid,
                        ["amount"] = amount.ToString(CultureInfo.InvariantCulture),
                        ["asset"] = handle.Asset,
                        ["depositAddress"] = handle.DepositAddress,
                    }),
                    new LiveChange(LiveTopics.Funding, LiveChange.Changed, handle.Id.ToString()))));
            }, WhenExhausted.HandBack, ct);
        return outcome is TransitionOutcome.Applied
            ? FundingControlResult.Ok($"Sent {amount.ToString(CultureInfo.InvariantCulture)} {handle.Asset} to {handle.Label} in transaction {txid}; it shows here once the observer sees it.")
            : txid is null
                ? FundingControlResult.Unavailable("The payment was not sent: the console's database cannot be reached now.")
                : FundingControlResult.Unavailable($"Transaction {txid} was sent but its audit could not be saved.");
    }
}
