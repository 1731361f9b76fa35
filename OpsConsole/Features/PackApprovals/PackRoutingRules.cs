using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Components.Shared;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// The routing rules an Admin keeps for Task Runner events. Each add, edit, switch and delete is a guarded transition
/// with its audit event (the fields before and after); one made from an outdated read is refused, and a rule with a
/// problem is not stored at all.
/// </summary>
public sealed class PackRoutingRules(
    IDbContextFactory<OpsDbContext> contexts,
    GuardedTransitions transitions,
    IAuthorizationService authorization,
    TimeProvider time)
{
    public async Task<IReadOnlyList<PackRoutingRule>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.PackRoutingRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.EventKind).ThenBy(r => r.Id).ToListAsync(ct);
    }

    /// <summary>The departments a rule may name, for the form.</summary>
    public async Task<IReadOnlyList<Department>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
    }

    /// <summary>Stores a new rule. Empty when stored; else each problem names its field.</summary>
    public async Task<IReadOnlyList<FieldError>> AddAsync(ClaimsPrincipal caller, PackRoutingInput input, CancellationToken ct = default) =>
        await AddAsync(await AdminAsync(caller), input, ct);

    /// <summary>Stores a new rule in the name of <paramref name="actor"/>: an Admin, or the demo seed.</summary>
    internal async Task<IReadOnlyList<FieldError>> AddAsync(string actor, PackRoutingInput input, CancellationToken ct)
    {
        var (rule, errors) = await CheckAsync(input, ct);
        if (errors.Count > 0)
            return errors;
        var id = Guid.NewGuid();
        return await ChangeAsync(actor, id, PackAuditActions.RouteAdded, null, (row, now, db) =>
        {
            var added = new PackRoutingRule { Id = id, EventKind = rule.EventKind!, UpdatedBy = actor, UpdatedAt = now };
            added.Set(rule);
            db.PackRoutingRules.Add(added);
            return Applied("", "added", actor, PackAuditActions.RouteAdded, id, new JsonObject { ["rule"] = Describe(rule) });
        }, ct);
    }

    /// <summary>Replaces the rule's fields; <paramref name="expectedVersion"/> is the version the form was filled from.</summary>
    public async Task<IReadOnlyList<FieldError>> SaveAsync(ClaimsPrincipal caller, Guid id, PackRoutingInput input, uint expectedVersion,
        CancellationToken ct = default)
    {
        var (rule, errors) = await CheckAsync(input, ct);
        if (errors.Count > 0)
            return errors;
        var actor = await AdminAsync(caller);
        return await ChangeAsync(actor, id, PackAuditActions.RouteChanged, expectedVersion, (row, now, db) =>
        {
            var changes = Changes(row!.ToInput(), rule);
            if (changes.Count == 0)
                return TransitionDecision.Unchanged("same");
            row.Set(rule);
            Touch(row, actor, now);
            return Applied("before", "after", actor, PackAuditActions.RouteChanged, id, new JsonObject { ["changes"] = changes });
        }, ct);
    }

    /// <summary>Turns the rule on or off; a rule that is off matches nothing.</summary>
    public async Task<IReadOnlyList<FieldError>> SetEnabledAsync(ClaimsPrincipal caller, Guid id, bool enabled, uint expectedVersion,
        CancellationToken ct = default)
    {
        var actor = await AdminAsync(caller);
        var action = enabled ? PackAuditActions.RouteEnabled : PackAuditActions.RouteDisabled;
        return await ChangeAsync(actor, id, action, expectedVersion, (row, now, db) =>
        {
            if (row!.Enabled == enabled)
                return TransitionDecision.Unchanged(OnOff(enabled));
            row.Enabled = enabled;
            Touch(row, actor, now);
            return Applied(OnOff(!enabled), OnOff(enabled), actor, action, id, new JsonObject { ["rule"] = Describe(row.ToInput()) });
        }, ct);
    }

    public async Task<IReadOnlyList<FieldError>> DeleteAsync(ClaimsPrincipal caller, Guid id, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await AdminAsync(caller);
        return await ChangeAsync(actor, id, PackAuditActions.RouteDeleted, expectedVersion, (row, now, db) =>
        {
            db.PackRoutingRules.Remove(row!);
            return Applied("kept", "deleted", actor, PackAuditActions.RouteDeleted, id, new JsonObject { ["rule"] = Describe(row!.ToInput()) });
        }, ct);
    }

    async Task<(PackRoutingInput Rule, IReadOnlyList<FieldError> Errors)> CheckAsync(PackRoutingInput input, CancellationToken ct)
    {
        var rule = PackRouting.Normalize(input);
        var departments = (await DepartmentsAsync(ct)).Select(d => d.Id).ToList();
        return (rule, PackRouting.Validate(rule, Roles.All, departments));
    }

    /// <summary>Loads the rule (none for an add), refuses a change made from an outdated read, and commits what
    /// <paramref name="decide"/> describes.</summary>
    async Task<IReadOnlyList<FieldError>> ChangeAsync(string actor, Guid id, string operation, uint? expectedVersion,
        Func<PackRoutingRule?, DateTimeOffset, OpsDbContext, TransitionDecision> decide, CancellationToken ct)
    {
        var work = new TransitionContext(PackAuditActions.RouteSubjectType, id.ToString(), operation, DeadLetterSources.Ui);
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            var row = await attempt.Db.PackRoutingRules.SingleOrDefaultAsync(r => r.Id == id, token);
            if (Stale(row, expectedVersion) is { } stale)
                return TransitionDecision.Refuse(stale);
            return decide(row, time.GetUtcNow(), attempt.Db);
        }, ct);
        return outcome switch
        {
            TransitionOutcome.Applied or TransitionOutcome.Unchanged => [],
            TransitionOutcome.Refused refused => [new("", refused.Reason)],
            TransitionOutcome.DeadLettered dead => [new("", $"The routing rule was not saved: {dead.Reason} Reload and try again.")],
            _ => throw new InvalidOperationException("A guarded transition ended in an unknown way."),
        };
    }

    async Task<string> AdminAsync(ClaimsPrincipal caller)
    {
        if (!(await authorization.AuthorizeAsync(caller, OpsPolicies.Admin)).Succeeded)
            throw new UnauthorizedAccessException("Only an Admin may change pack routing rules.");
        return caller.FindFirstValue(ClaimTypes.Email) ?? caller.Identity?.Name
            ?? throw new UnauthorizedAccessException("Only a signed-in user with an email may change pack routing rules.");
    }

    static string? Stale(PackRoutingRule? row, uint? expectedVersion) => (row, expectedVersion) switch
    {
        (null, null) => null,
        (null, _) => "The rule was deleted after you opened it; reload to see the rules as they are.",
        (_, null) => "A rule with this id exists already; reload and try again.",
        _ when row.Version == expectedVersion => null,
        _ => $"The rule was changed by {row.UpdatedBy} at {UtcText.MinutesWithZone(row.UpdatedAt)} after you opened it; reload to see it, then try again.",
    };

    static void Touch(PackRoutingRule row, string actor, DateTimeOffset now)
    {
        row.UpdatedBy = actor;
        row.UpdatedAt = now;
    }

    static TransitionDecision Applied(string from, string to, string actor, string action, Guid id, JsonObject details) =>
        TransitionDecision.Apply(from, to, TransitionEffects.Of(new AuditEntry(actor, action, PackAuditActions.RouteSubjectType, id.ToString(), details)));

    static string OnOff(bool enabled) => enabled ? "on" : "off";

    /// <summary>The fields as the audit trail records them.</summary>
    static JsonObject Describe(PackRoutingInput r) => AuditFields.Of(Fields(r));

    static JsonObject Changes(PackRoutingInput before, PackRoutingInput after) => AuditFields.Changes(Fields(before), Fields(after));

    static Dictionary<string, string> Fields(PackRoutingInput r) => new()
    {
        [PackRouting.EventKindField] = r.EventKind ?? "",
        [PackRouting.TenantField] = r.Tenant ?? "any",
        [PackRouting.GrantsField] = List(r.RequiredGrants, "any"),
        [PackRouting.RolesField] = List(r.Roles, "none"),
        [PackRouting.DepartmentsField] = List(r.Departments, "none"),
        [PackRouting.ChannelsField] = List(r.Channels.Select(c => c.ToString()), "none"),
        [PackRouting.LocaleField] = r.Locale ?? "",
        [PackRouting.OrderField] = r.Order.ToString(CultureInfo.InvariantCulture),
        ["enabled"] = OnOff(r.Enabled),
    };

    static string List(IEnumerable<string> values, string none) => string.Join(", ", values) is { Length: > 0 } text ? text : none;
}
