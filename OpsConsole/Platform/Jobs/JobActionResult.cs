namespace OpsConsole.Platform.Jobs;

public enum JobActionResult
{
    Done,
    Refused,
    NotFound,
}
