using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Components.Shared;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Calendars;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// The SLA policy in force per request kind: an Admin's stored edit, else the settings (which fall back to the kind's
/// default). Each edit and reset is a guarded transition with its audit event; one made from an outdated read is refused.
/// Requests keep the policy they were opened under, so an edit moves no deadline of a request already open.
/// </summary>
public sealed class SlaPolicies(
    IDbContextFactory<OpsDbContext> contexts,
    GuardedTransitions transitions,
    IOptions<SlaOptions> sla,
    IAuthorizationService authorization,
    TimeProvider time)
{
    public const string SubjectType = "sla_policy";

    /// <summary>The calendar that BusinessHours policies count in; null when the settings give no usable one.</summary>
    public BusinessCalendar? Calendar => sla.Value.Calendar;

    public SlaPolicy FromSettings(ApprovalKind kind) => sla.Value.PolicyFor(kind);

    public async Task<IReadOnlyList<EffectiveSlaPolicy>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var edits = await db.SlaPolicyOverrides.AsNoTracking().ToDictionaryAsync(o => o.Kind, ct);
        return [.. Enum.GetValues<ApprovalKind>().Select(k => Effective(k, edits.GetValueOrDefault(k)))];
    }

    /// <summary>Read inside the caller's transaction, so a request is opened under the policy in force at that moment.</summary>
    public Task<SlaPolicy> PolicyForAsync(OpsDbContext db, ApprovalKind kind, CancellationToken ct = default) =>
        TransactionReads.OnceAsync(db, (nameof(SlaPolicies), kind), async () =>
            Effective(kind, await db.SlaPolicyOverrides.AsNoTracking().SingleOrDefaultAsync(o => o.Kind == kind, ct)).Policy);

    /// <summary>Stores <paramref name="policy"/> for the kind; <paramref name="expectedVersion"/> is the version the
    /// form was filled from (null when it showed the settings). Empty when saved; else each problem names its field.</summary>
    public Task<IReadOnlyList<FieldError>> SaveAsync(ClaimsPrincipal caller, ApprovalKind kind, SlaPolicy policy, uint? expectedVersion,
        CancellationToken ct = default)
    {
        var problems = policy.FieldProblems(kind.ToString()).ToList();
        if (policy.Clock == SlaClock.BusinessHours && Calendar is null)
            problems.Add(new(nameof(SlaPolicy.Clock),
                $"{SlaOptions.Section}:Policies:{kind}:Clock cannot be BusinessHours: {SlaOptions.Section}:BusinessCalendar is not usable"));
        if (problems.Count > 0)
            return Task.FromResult<IReadOnlyList<FieldError>>(problems);
        return ChangeAsync(caller, kind, expectedVersion, policy, ct);
    }

    /// <summary>Deletes the kind's stored edit, so that the settings apply again.</summary>
    public Task<IReadOnlyList<FieldError>> ResetAsync(ClaimsPrincipal caller, ApprovalKind kind, uint? expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(caller, kind, expectedVersion, null, ct);

    async Task<IReadOnlyList<FieldError>> ChangeAsync(ClaimsPrincipal caller, ApprovalKind kind, uint? expectedVersion, SlaPolicy? policy,
        CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(caller, OpsPolicies.Admin)).Succeeded)
            throw new UnauthorizedAccessException("Only an Admin may change SLA policies.");
        var actor = caller.FindFirstValue(ClaimTypes.Email) ?? caller.Identity?.Name
            ?? throw new UnauthorizedAccessException("Only a signed-in user with an email may change SLA policies.");

        var work = new TransitionContext(SubjectType, kind.ToString(), ApprovalAuditActions.PolicyChanged, DeadLetterSources.Ui, null,
            new JsonObject { ["kind"] = kind.ToString(), ["reset"] = policy is null });
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            var db = attempt.Db;
            var row = await db.SlaPolicyOverrides.SingleOrDefaultAsync(o => o.Kind == kind, token);
            if (Stale(kind, row, expectedVersion) is { } stale)
                return TransitionDecision.Refuse(stale);
            var before = Effective(kind, row);
            var after = policy ?? FromSettings(kind);
            // Saving what is in force already changes nothing; a reset with nothing stored likewise.
            if (policy is not null ? before.Policy == after : row is null)
                return TransitionDecision.Unchanged(before.IsEdited ? "edited" : "settings");

            var now = time.GetUtcNow();
            if (policy is null)
                db.SlaPolicyOverrides.Remove(row!);
            else if (row is null)
                db.SlaPolicyOverrides.Add(NewRow(kind, policy, actor, now));
            else
            {
                row.Set(policy);
                row.UpdatedBy = actor;
                row.UpdatedAt = now;
            }
            return TransitionDecision.Apply(before.IsEdited ? "edited" : "settings", policy is null ? "settings" : "edited", TransitionEffects.Of(
                new AuditEntry(actor, ApprovalAuditActions.PolicyChanged, SubjectType, kind.ToString(), Details(before, after, policy is null))));
        }, ct);
        return outcome switch
        {
            TransitionOutcome.Applied or TransitionOutcome.Unchanged => [],
            TransitionOutcome.Refused refused => [new("", refused.Reason)],
            TransitionOutcome.DeadLettered dead => [new("", $"The {kind} policy was not saved: {dead.Reason} Reload it and try again.")],
            _ => throw new InvalidOperationException("A guarded transition ended in an unknown way."),
        };
    }

    EffectiveSlaPolicy Effective(ApprovalKind kind, SlaPolicyOverride? edit) => edit is null
        ? new(kind, FromSettings(kind), null, null, null)
        : new(kind, edit.ToPolicy(), edit.UpdatedBy, edit.UpdatedAt, edit.Version);

    static SlaPolicyOverride NewRow(ApprovalKind kind, SlaPolicy policy, string actor, DateTimeOffset now)
    {
        var row = new SlaPolicyOverride { Kind = kind, UpdatedBy = actor, UpdatedAt = now };
        row.Set(policy);
        return row;
    }

    static string? Stale(ApprovalKind kind, SlaPolicyOverride? row, uint? expectedVersion)
    {
        if (row is null)
            return expectedVersion is null
                ? null
                : $"The {kind} policy was reset to the settings after you opened it; reload to see it, then edit again.";
        return row.Version == expectedVersion
            ? null
            : $"The {kind} policy was changed by {row.UpdatedBy} at {UtcText.MinutesWithZone(row.UpdatedAt)} after you opened it; reload to see it, then edit again.";
    }

    /// <summary>Each field that changed, before and after; durations as time spans, "off" for a step turned off.</summary>
    static JsonObject Details(EffectiveSlaPolicy before, SlaPolicy after, bool reset)
    {
        var changes = new JsonObject();
        foreach (var step in Enum.GetValues<SlaStep>())
            if (before.Policy.After(step) != after.After(step))
                changes[$"{step}After"] = new JsonObject { ["before"] = Text(before.Policy.After(step)), ["after"] = Text(after.After(step)) };
        if (before.Policy.Clock != after.Clock)
            changes[nameof(SlaPolicy.Clock)] = new JsonObject { ["before"] = before.Policy.Clock.ToString(), ["after"] = after.Clock.ToString() };
        return new JsonObject
        {
            ["kind"] = before.Kind.ToString(),
            ["source"] = new JsonObject { ["before"] = before.IsEdited ? "edited" : "settings", ["after"] = reset ? "settings" : "edited" },
            ["changes"] = changes,
        };
    }

    static string Text(TimeSpan? value) => value is { } v ? v.ToString("c", CultureInfo.InvariantCulture) : "off";
}
