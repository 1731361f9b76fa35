namespace OpsConsole.Platform.MachineAuth;

/// <summary>The paths programs call (the API, the Task Runner's pack events, the OpenAPI document, the hubs, metrics):
/// they get status codes and problem+json, never pages. Other /notifications paths are links people follow.</summary>
public static class MachinePaths
{
    public static bool Contains(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/notifications/pack-approvals") || path.StartsWithSegments("/openapi")
        || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/metrics");
}
