namespace OpsConsole.Platform.MachineAuth;

/// <summary>The paths programs call (the API, the hubs, metrics): they get status codes and problem+json, never pages.</summary>
public static class MachinePaths
{
    public static bool Contains(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/metrics");
}
