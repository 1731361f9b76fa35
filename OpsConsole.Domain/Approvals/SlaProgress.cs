using OpsConsole.Domain.Calendars;

namespace OpsConsole.Domain.Approvals;

/// <summary>
/// Where a pending request stands between its last SLA milestone and its next step: the bar an inbox draws per row.
/// Under a business-hours policy the interval and the time left are working time, so the bar stands still overnight
/// and at weekends as the deadline itself does; an overdue step is measured in real time, since its timer is late.
/// </summary>
public sealed record SlaProgress(SlaStep Step, DateTimeOffset StartedAt, DateTimeOffset DueAt, double Remaining, TimeSpan Left,
    bool IsOverdue, bool InWorkingTime)
{
    public const double DueSoonBelow = 0.5;
    public const double UrgentBelow = 0.2;

    /// <summary>The share of the interval gone, from 0 at the milestone to 1 at the step: the bar's fill.</summary>
    public double Elapsed => 1 - Remaining;

    public SlaUrgency Urgency => IsOverdue || Remaining < UrgentBelow ? SlaUrgency.Urgent
        : Remaining <= DueSoonBelow ? SlaUrgency.DueSoon
        : SlaUrgency.OnTrack;

    /// <summary>"Escalates in 2 h 10 m", "Expires in 3 h (business hours)", "Escalation overdue by 3 m".</summary>
    public string Label => IsOverdue
        ? $"{SlaStages.StepNoun(Step)} overdue by {DurationText.Short(Left)}"
        : $"{Verb(Step)} in {DurationText.Short(Left, withDays: !InWorkingTime)}{(InWorkingTime ? " (business hours)" : "")}";

    /// <summary>The progress towards the request's next step at <paramref name="now"/>; null once it is decided or has
    /// no step left. <paramref name="calendar"/> is needed only for a business-hours policy.</summary>
    public static SlaProgress? Of(ApprovalRequest request, BusinessCalendar? calendar, DateTimeOffset now)
    {
        if (SlaSchedule.Pending(request, request.Policy, calendar) is not [var (step, due), ..])
            return null;
        var started = StartOf(request, step, due, now);
        var working = request.Policy.Clock == SlaClock.BusinessHours;
        if (now >= due)
            return new SlaProgress(step, started, due, 0, now - due, IsOverdue: true, working);
        Func<DateTimeOffset, DateTimeOffset, TimeSpan> span = working
            ? (a, b) => calendar!.Between(a, b)
            : (a, b) => b > a ? b - a : TimeSpan.Zero;
        var (total, left) = (span(started, due), span(now, due));
        var remaining = total <= TimeSpan.Zero ? 0 : Math.Clamp(left / total, 0, 1);
        return new SlaProgress(step, started, due, remaining, left, IsOverdue: false, working);
    }

    // The latest milestone at or before now: the step's own starting point (last activity for a reminder, creation for
    // the rest) or a step that fired since, so after an escalation the bar runs from the escalation to the expiry.
    static DateTimeOffset StartOf(ApprovalRequest r, SlaStep step, DateTimeOffset due, DateTimeOffset now)
    {
        var start = step == SlaStep.Remind ? r.LastActivityAt : r.CreatedAt;
        foreach (var fired in new[] { r.RemindedAt, r.EscalatedAt, r.EscalatedFinalAt })
            if (fired is { } at && at > start && at <= now)
                start = at;
        return start < due ? start : due;
    }

    static string Verb(SlaStep step) => step switch
    {
        SlaStep.Remind => "Reminder",
        SlaStep.Escalate => "Escalates",
        SlaStep.EscalateFinal => "Escalates to top management",
        SlaStep.Expire => "Expires",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
