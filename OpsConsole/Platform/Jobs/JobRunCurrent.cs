namespace OpsConsole.Platform.Jobs;

/// <summary>The latest run of one job, whichever node ran it; Quartz keeps schedules, this keeps how they went.</summary>
public sealed class JobRunCurrent
{
    public required string JobKey { get; set; }
    public DateTimeOffset LastStartedAt { get; set; }
    public DateTimeOffset? LastFinishedAt { get; set; }
    public JobRunOutcome LastOutcome { get; set; }
    public string? LastError { get; set; }
    public string? LastInstance { get; set; }
    public long RunCount { get; set; }
    public long FailCount { get; set; }
}
