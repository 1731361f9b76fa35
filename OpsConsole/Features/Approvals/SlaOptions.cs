using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Calendars;

namespace OpsConsole.Features.Approvals;

/// <summary>Settings under <c>Sla</c>: the timer intervals, the policy of each request kind and the business calendar.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>How Sla:BusinessCalendar:Holidays writes a date; the calendar note on the policies page shows them alike.</summary>
    public const string HolidayFormat = "yyyy-MM-dd";

    public TimeSpan DueJobInterval { get; set; } = TimeSpan.FromSeconds(15);
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Rows claimed per transaction by the due job and the sweep.</summary>
    public int BatchSize { get; set; } = 500;

    public Dictionary<ApprovalKind, SlaPolicy> Policies { get; } = [];
    public BusinessCalendar? Calendar { get; set; }
    /// <summary>Messages naming each policy or calendar setting that could not be read.</summary>
    public List<string> Problems { get; } = [];

    public SlaPolicy PolicyFor(ApprovalKind kind) => Policies.TryGetValue(kind, out var policy) ? policy : SlaPolicy.DefaultFor(kind);
}
