using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Calendars;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Notifications;

/// <summary>Each signed-in person's own time zone and quiet hours; only ever their own, and each change is audited.</summary>
public sealed class AccountPreferences(IDbContextFactory<OpsDbContext> contexts, GuardedTransitions transitions, TimeProvider time)
{
    public const string ChangedAction = "user.preferences_changed";

    public async Task<QuietHoursSetting> ReadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (userId, _) = Who(user);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.UserPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        return row is null ? QuietHoursSetting.Default : new(row.TimeZoneId, row.QuietStart, row.QuietEnd, row.QuietHoursEnabled);
    }

    /// <summary>Empty when saved; else each problem names its field.</summary>
    public async Task<IReadOnlyList<FieldError>> SaveAsync(ClaimsPrincipal user, QuietHoursSetting input, CancellationToken ct = default)
    {
        var (userId, actor) = Who(user);
        if (QuietHoursRules.Validate(input.TimeZoneId, input.Start, input.End, input.Enabled) is { Count: > 0 } errors)
            return errors;
        var after = input with { TimeZoneId = QuietHoursRules.KnownZoneId(input.TimeZoneId)! };

        var work = new TransitionContext("user", actor, ChangedAction, DeadLetterSources.Ui);
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            var db = attempt.Db;
            var row = await db.UserPreferences.SingleOrDefaultAsync(p => p.UserId == userId, token);
            var before = row is null ? QuietHoursSetting.Default : new(row.TimeZoneId, row.QuietStart, row.QuietEnd, row.QuietHoursEnabled);
            if (before == after)
                return TransitionDecision.Unchanged("same");
            if (row is null)
            {
                row = new UserPreferences { UserId = userId, TimeZoneId = after.TimeZoneId };
                db.UserPreferences.Add(row);
            }
            row.TimeZoneId = after.TimeZoneId;
            row.QuietStart = after.Start;
            row.QuietEnd = after.End;
            row.QuietHoursEnabled = after.Enabled;
            row.UpdatedAt = time.GetUtcNow();
            return TransitionDecision.Apply("before", "after",
                TransitionEffects.Of(new AuditEntry(actor, ChangedAction, "user", actor, Details(before, after))));
        }, ct);
        return outcome switch
        {
            TransitionOutcome.Applied or TransitionOutcome.Unchanged => [],
            TransitionOutcome.DeadLettered dead => [new("", $"Your preferences were not saved: {dead.Reason} Reload and try again.")],
            _ => throw new InvalidOperationException($"Saving preferences ended as {outcome}."),
        };
    }

    static (string UserId, string Actor) Who(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var actor = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name;
        if (id is null || actor is null)
            throw new UnauthorizedAccessException("Only a signed-in user has preferences.");
        return (id, actor);
    }

    static JsonObject Details(QuietHoursSetting before, QuietHoursSetting after)
    {
        var details = new JsonObject();
        void Field(string name, string from, string to)
        {
            if (from != to)
                details[name] = new JsonObject { ["before"] = from, ["after"] = to };
        }
        Field(QuietHoursRules.TimeZoneField, before.TimeZoneId, after.TimeZoneId);
        Field(QuietHoursRules.StartField, QuietHoursSetting.TimeText(before.Start), QuietHoursSetting.TimeText(after.Start));
        Field(QuietHoursRules.EndField, QuietHoursSetting.TimeText(before.End), QuietHoursSetting.TimeText(after.End));
        Field("quietHoursEnabled", before.Enabled ? "on" : "off", after.Enabled ? "on" : "off");
        return details;
    }
}
