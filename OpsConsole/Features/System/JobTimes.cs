namespace OpsConsole.Features.SystemStatus;

static class JobTimes
{
    public static string Format(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss") : "—";
}
