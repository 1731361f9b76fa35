namespace OpsConsole.Platform.Jobs;

public enum JobRunOutcome
{
    Running,
    Succeeded,
    Failed,
}
