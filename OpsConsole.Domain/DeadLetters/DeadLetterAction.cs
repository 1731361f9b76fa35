namespace OpsConsole.Domain.DeadLetters;

/// <summary>One step of a dead letter's remediation history; rows are only ever added.</summary>
public sealed class DeadLetterAction
{
    public long Id { get; set; }
    public Guid DeadLetterId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>A user's e-mail, or <c>system:&lt;job&gt;</c>.</summary>
    public required string Actor { get; set; }
    /// <summary>One of <see cref="DeadLetterActions"/>.</summary>
    public required string Action { get; set; }
    public string? Note { get; set; }
    /// <summary>What the action came to, e.g. <c>resolved</c> or <c>still failing: …</c>.</summary>
    public required string Outcome { get; set; }
}
