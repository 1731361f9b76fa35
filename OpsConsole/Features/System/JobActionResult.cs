namespace OpsConsole.Features.SystemStatus;

public enum JobActionResult
{
    Done,
    Refused,
    NotFound,
}
