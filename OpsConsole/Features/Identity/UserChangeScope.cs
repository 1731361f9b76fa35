using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Identity.Sessions;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Identity;

/// <summary>
/// One user change as a guarded transition: its attempt takes the directory lock, works through Identity's UserManager
/// on the attempt's own context, and collects the audit events that commit or roll back with the change.
/// </summary>
sealed class UserChangeScope
{
    // Any fixed number; it makes user changes take turns, so two Admins cannot each demote the other and leave none.
    const long DirectoryLock = 0x05e6_d1c7;

    readonly IServiceProvider services;

    UserChangeScope(TransitionAttempt attempt)
    {
        Db = attempt.Db;
        Users = attempt.Services.GetRequiredService<UserManager<OpsUser>>();
        services = attempt.Services;
    }

    public OpsDbContext Db { get; }
    public UserManager<OpsUser> Users { get; }
    public TransitionEffects Effects { get; } = new();

    /// <summary>Runs <paramref name="change"/> as one guarded transition; a refusal rolls everything back. A change
    /// that audits nothing changed nothing.</summary>
    public static async Task<UserChangeResult> RunAsync(GuardedTransitions transitions, string operation, string subject, string actor,
        Func<UserChangeScope, CancellationToken, Task<UserChangeResult>> change, CancellationToken ct)
    {
        var result = UserChangeResult.Done;
        var work = new TransitionContext("user", subject, operation, DeadLetterSources.Ui, null, new JsonObject { ["actor"] = actor });
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            // A refused step rolls back the whole change, so the savepoints EF Core would add serve nothing.
            attempt.Db.Database.AutoSavepointsEnabled = false;
            await attempt.Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({DirectoryLock})", token);
            var scope = new UserChangeScope(attempt);
            result = await change(scope, token);
            if (!result.Succeeded)
                return TransitionDecision.Refuse(result.Summary);
            return scope.Effects.Audit.Count == 0
                ? TransitionDecision.Unchanged("as it was")
                : TransitionDecision.Apply("before", "after", scope.Effects);
        }, ct);
        return outcome switch
        {
            TransitionOutcome.DeadLettered dead => UserChangeResult.Refused("", $"The change was not saved: {dead.Reason}"),
            _ => result,
        };
    }

    public void Audit(string actor, string action, string email, JsonObject details) =>
        Effects.Audit.Add(new AuditEntry(actor, action, "user", email, details));

    /// <summary>Ends the user's open sessions with the change, each with its audit event; their circuits hear of it at once.</summary>
    public async Task EndSessionsAsync(OpsUser user, string reason, string actor, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var limits = services.GetRequiredService<IOptions<SessionSettings>>().Value.Limits;
        var open = await SessionEnding.UsableAsync(Db, user.Id, limits, now, ct);
        SessionEnding.End(open, user.Email ?? "", reason, actor, now, Effects);
    }

    /// <summary>Tells the user's open circuits that their claims changed, so they take fresh ones at once.</summary>
    public void AnnounceClaimsChanged(OpsUser user) => Effects.Live.Add(new LiveChange(LiveTopics.Sessions, LiveChange.Changed, user.Id));

    public async Task<int> ActiveAdminCountAsync() => (await Users.GetUsersInRoleAsync(Roles.Admin)).Count(u => !u.IsDisabled);

    public async Task<IReadOnlyList<UserChangeError>> CheckDepartmentsAsync(IReadOnlyCollection<string> departments, CancellationToken ct)
    {
        var known = await Db.Departments.Where(d => departments.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        return departments.Except(known)
            .Select(d => new UserChangeError(UserInput.DepartmentsField, $"Department '{d}' does not exist."))
            .ToList();
    }
}
