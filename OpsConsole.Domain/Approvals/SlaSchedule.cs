using OpsConsole.Domain.Calendars;

namespace OpsConsole.Domain.Approvals;

/// <summary>
/// When each SLA step of a pending request falls due. Remind counts from the last real activity, because a reminder
/// is a nudge about silence: a comment or a reassignment is progress and earns the holders a fresh interval.
/// Escalate, EscalateFinal and Expire count from creation, because they bound how long a request may stay undecided;
/// if activity postponed them, comments alone could keep a request pending forever.
/// </summary>
public static class SlaSchedule
{
    static readonly SlaStep[] Steps = Enum.GetValues<SlaStep>();

    /// <summary>When the step falls due, or null when the policy turns it off.</summary>
    public static DateTimeOffset? DueAt(ApprovalRequest request, SlaPolicy policy, BusinessCalendar? calendar, SlaStep step)
    {
        if (policy.After(step) is not { } after)
            return null;
        var from = step == SlaStep.Remind ? request.LastActivityAt : request.CreatedAt;
        if (policy.Clock == SlaClock.WallClock)
            return from + after;
        if (calendar is null)
            throw new ArgumentNullException(nameof(calendar), "A business-hours SLA policy needs a business calendar.");
        return calendar.Add(from, after);
    }

    public static bool HasFired(ApprovalRequest request, SlaStep step) => step switch
    {
        SlaStep.Remind => request.RemindedAt is not null,
        SlaStep.Escalate => request.EscalatedAt is not null,
        SlaStep.EscalateFinal => request.EscalatedFinalAt is not null,
        SlaStep.Expire => request.ExpiredAt is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>The steps not yet fired, with their due times, earliest first; nothing once the request is decided.
    /// Steps that would fall due after expiry are left out: an expired request gets nothing more.</summary>
    public static IReadOnlyList<(SlaStep Step, DateTimeOffset DueAt)> Pending(ApprovalRequest request, SlaPolicy policy, BusinessCalendar? calendar)
    {
        if (request.Status != ApprovalStatus.Pending)
            return [];
        // Four steps at most, sorted by insertion: the SLA job asks this of every request it claims.
        var steps = new List<(SlaStep Step, DateTimeOffset DueAt)>(4);
        foreach (var step in Steps)
        {
            if (HasFired(request, step) || DueAt(request, policy, calendar, step) is not { } due)
                continue;
            var at = steps.Count;
            while (at > 0 && (steps[at - 1].DueAt > due || (steps[at - 1].DueAt == due && steps[at - 1].Step > step)))
                at--;
            steps.Insert(at, (step, due));
        }
        var expire = steps.FindIndex(s => s.Step == SlaStep.Expire);
        return expire < 0 ? steps : steps[..(expire + 1)];
    }

    /// <summary>Every step due at <paramref name="now"/> that has not fired, in the order they fell due.</summary>
    public static IReadOnlyList<SlaStep> DueSteps(ApprovalRequest request, SlaPolicy policy, BusinessCalendar? calendar, DateTimeOffset now) =>
        [.. Pending(request, policy, calendar).Where(s => s.DueAt <= now).Select(s => s.Step)];

    /// <summary>The earliest time a step not yet fired falls due; null when nothing more can happen.</summary>
    public static DateTimeOffset? NextDueAt(ApprovalRequest request, SlaPolicy policy, BusinessCalendar? calendar) =>
        Pending(request, policy, calendar) is [var first, ..] ? first.DueAt : null;
}
