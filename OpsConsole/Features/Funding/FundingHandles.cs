using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Components.Shared;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.Funding;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Funding;

/// <summary>
/// The funding handles an Admin (or a client holding Funding:Admin) keeps. Each add, edit, deactivation and
/// reactivation is a guarded transition with its audit event naming the fields before and after; a handle with a problem,
/// an address another handle holds, or a change made from an outdated read is refused and nothing is stored.
/// </summary>
public sealed class FundingHandles(
    IDbContextFactory<OpsDbContext> contexts,
    GuardedTransitions transitions,
    IAuthorizationService authorization,
    IOptions<BitcoinSettings> bitcoin,
    TimeProvider time)
{
    public async Task<IReadOnlyList<FundingHandle>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.FundingHandles.AsNoTracking()
            .OrderByDescending(h => h.Active).ThenBy(h => h.Chain).ThenBy(h => h.Account).ThenBy(h => h.Label).ToListAsync(ct);
    }

    public async Task<FundingHandle?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.FundingHandles.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, ct);
    }

    /// <summary>Stores a new handle in the caller's name.</summary>
    public async Task<FundingHandleResult> AddAsync(ClaimsPrincipal caller, FundingHandleInput input, CancellationToken ct = default) =>
        await AddAsync(await ActorAsync(caller), input, ct);

    /// <summary>Stores a new handle in the name of <paramref name="actor"/>: an Admin, a machine client, or the demo seed.</summary>
    internal Task<FundingHandleResult> AddAsync(string actor, FundingHandleInput input, CancellationToken ct) =>
        ChangeAsync(actor, Guid.NewGuid(), input with { Active = true }, adding: true, expectedVersion: null, ct);

    /// <summary>
    /// Replaces the handle's fields and its active flag; <paramref name="expectedVersion"/> is the version the form was
    /// filled from (null: whatever is stored now, for a machine client).
    /// </summary>
    public async Task<FundingHandleResult> SaveAsync(ClaimsPrincipal caller, Guid id, FundingHandleInput input, uint? expectedVersion,
        CancellationToken ct = default) =>
        await ChangeAsync(await ActorAsync(caller), id, input, adding: false, expectedVersion, ct);

    /// <summary>Stops watching the handle (or watches it again); its fields stay as they are.</summary>
    public async Task<FundingHandleResult> SetActiveAsync(ClaimsPrincipal caller, Guid id, bool active, uint? expectedVersion,
        CancellationToken ct = default)
    {
        var actor = await ActorAsync(caller);
        if (await FindAsync(id, ct) is not { } handle)
            return new(id, [new("", NotFoundReason)], NotFound: true);
        return await ChangeAsync(actor, id, handle.ToInput() with { Active = active }, adding: false, expectedVersion ?? handle.Version, ct);
    }

    const string NotFoundReason = "No funding handle has this id.";

    async Task<FundingHandleResult> ChangeAsync(string actor, Guid id, FundingHandleInput input, bool adding, uint? expectedVersion,
        CancellationToken ct)
    {
        var (handle, errors) = FundingHandleRules.Check(input, bitcoin.Value.Network);
        if (errors.Count > 0)
            return new(id, errors);
        FieldError? refusal = null;
        var work = new TransitionContext(FundingAuditActions.HandleSubjectType, id.ToString(), adding ? FundingAuditActions.HandleAdded : FundingAuditActions.HandleChanged,
            actor.StartsWith("machine:", StringComparison.Ordinal) ? DeadLetterSources.Api : DeadLetterSources.Ui);
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            var db = attempt.Db;
            var row = await db.FundingHandles.SingleOrDefaultAsync(h => h.Id == id, token);
            refusal = Stale(row, adding, expectedVersion)
                ?? (await db.FundingHandles.Where(h => h.Chain == handle.Chain && h.DepositAddress == handle.DepositAddress && h.Id != id)
                    .Select(h => h.Label).FirstOrDefaultAsync(token) is { } other
                    ? new(FundingHandleRules.AddressField, $"depositAddress is already the address of the handle \"{other}\".")
                    : null);
            if (refusal is not null)
                return TransitionDecision.Refuse(refusal.Message);
            return row is null ? Add(db, id, handle, actor) : Edit(row, handle, actor);
        }, ct);
        return outcome switch
        {
            TransitionOutcome.Applied or TransitionOutcome.Unchanged => new(id, []),
            TransitionOutcome.Refused => new(id, [refusal!], NotFound: refusal!.Message == NotFoundReason),
            TransitionOutcome.DeadLettered dead => new(id, [new("", $"The handle was not saved: {dead.Reason} Reload and try again.")]),
            _ => throw new InvalidOperationException("A guarded transition ended in an unknown way."),
        };
    }

    TransitionDecision Add(OpsDbContext db, Guid id, FundingHandleInput handle, string actor)
    {
        var now = time.GetUtcNow();
        var added = new FundingHandle
        {
            Id = id,
            Chain = handle.Chain!,
            Asset = handle.Asset!,
            Account = handle.Account!,
            DepositAddress = handle.DepositAddress!,
            Label = handle.Label!,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = actor,
        };
        db.FundingHandles.Add(added);
        return Applied("", "active", actor, FundingAuditActions.HandleAdded, id, new JsonObject { ["handle"] = Describe(handle) });
    }

    TransitionDecision Edit(FundingHandle row, FundingHandleInput handle, string actor)
    {
        var before = row.ToInput();
        var changes = Changes(before, handle);
        if (changes.Count == 0)
            return TransitionDecision.Unchanged(ActiveWord(before.Active));
        // A change of the active flag alone is named for what it does.
        var action = changes.Count == 1 && changes.ContainsKey("active")
            ? handle.Active ? FundingAuditActions.HandleReactivated : FundingAuditActions.HandleDeactivated
            : FundingAuditActions.HandleChanged;
        row.Set(handle);
        row.UpdatedAt = time.GetUtcNow();
        row.UpdatedBy = actor;
        return Applied(ActiveWord(before.Active), ActiveWord(handle.Active), actor, action, row.Id,
            new JsonObject { ["changes"] = changes, ["handle"] = Describe(handle) });
    }

    static FieldError? Stale(FundingHandle? row, bool adding, uint? expectedVersion) => (row, adding) switch
    {
        (null, true) => null,
        (null, false) => new("", NotFoundReason),
        (_, true) => new("", "A handle with this id exists already."),
        _ when expectedVersion is null || row.Version == expectedVersion => null,
        _ => new("", $"The handle was changed by {row.UpdatedBy} at {UtcText.MinutesWithZone(row.UpdatedAt)} after you opened it; reload to see it, then try again."),
    };

    async Task<string> ActorAsync(ClaimsPrincipal caller)
    {
        if (!(await authorization.AuthorizeAsync(caller, FundingFeature.Admins)).Succeeded)
            throw new UnauthorizedAccessException($"Only an Admin, or a machine client holding {FundingFeature.AdminScope}, may change funding handles.");
        return FundingActors.Of(caller);
    }

    static TransitionDecision Applied(string from, string to, string actor, string action, Guid id, JsonObject details) =>
        TransitionDecision.Apply(from, to, TransitionEffects.Of(new AuditEntry(actor, action, FundingAuditActions.HandleSubjectType, id.ToString(), details),
            new LiveChange(LiveTopics.Funding, LiveChange.Changed, id.ToString())));

    static string ActiveWord(bool active) => active ? "active" : "inactive";

    /// <summary>The fields as the audit trail records them.</summary>
    static JsonObject Describe(FundingHandleInput h) => AuditFields.Of(Fields(h));

    static JsonObject Changes(FundingHandleInput before, FundingHandleInput after) => AuditFields.Changes(Fields(before), Fields(after));

    static Dictionary<string, string> Fields(FundingHandleInput h) => new()
    {
        [FundingHandleRules.ChainField] = h.Chain ?? "",
        [FundingHandleRules.AssetField] = h.Asset ?? "",
        [FundingHandleRules.AccountField] = h.Account ?? "",
        [FundingHandleRules.AddressField] = h.DepositAddress ?? "",
        [FundingHandleRules.LabelField] = h.Label ?? "",
        ["active"] = h.Active ? "yes" : "no",
    };
}
