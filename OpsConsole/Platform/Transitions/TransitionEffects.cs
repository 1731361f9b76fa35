using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Outbox;
using OpsConsole.Platform.Wakeups;

namespace OpsConsole.Platform.Transitions;

/// <summary>
/// What goes with a change, as the feature describes it: the audit events, the notices to send, the live changes to
/// announce and when jobs have work because of it. The executor writes all of it in the change's transaction; a feature
/// never writes these itself.
/// </summary>
public sealed class TransitionEffects
{
    public List<AuditEntry> Audit { get; } = [];
    public List<OutboxMessage> Notices { get; } = [];
    public List<LiveChange> Live { get; } = [];
    /// <summary>When jobs have work because of the change, such as a new SLA due time; the executor adds the dispatcher's
    /// for the notices itself.</summary>
    public WakeTimes Wakes { get; } = new();

    public static TransitionEffects Of(AuditEntry audit, LiveChange? live = null)
    {
        var effects = new TransitionEffects();
        effects.Audit.Add(audit);
        if (live is not null)
            effects.Live.Add(live);
        return effects;
    }

    /// <summary>Adds another change's effects after these, keeping their order.</summary>
    public TransitionEffects Add(TransitionEffects more)
    {
        Audit.AddRange(more.Audit);
        Notices.AddRange(more.Notices);
        Live.AddRange(more.Live);
        Wakes.Add(more.Wakes);
        return this;
    }
}
