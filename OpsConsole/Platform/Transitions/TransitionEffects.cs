using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Platform.Transitions;

/// <summary>
/// What goes with a change, as the feature describes it: the audit events, the notices to send and the live changes to
/// announce. The executor writes all of it in the change's transaction; a feature never writes these itself.
/// </summary>
public sealed class TransitionEffects
{
    public List<AuditEntry> Audit { get; } = [];
    public List<OutboxMessage> Notices { get; } = [];
    public List<LiveChange> Live { get; } = [];

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
        return this;
    }
}
